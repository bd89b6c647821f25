import Foundation

/// What Designate's lists share: the project scope, which Designate takes as request headers
/// (not query words), and the statuses of its zones, recordsets and PTR records.
public enum DesignateScope {
    /// An admin's "every project".
    public static let allProjectsHeaders: [(String, String)] = [("X-Auth-All-Projects", "true")]
    /// An admin acting as one project: the list then shows that project's items.
    public static let projectHeader = "X-Auth-Sudo-Project-ID"
    /// The statuses of zones and recordsets (Designate's `status` filter).
    public static let statuses = ["ACTIVE", "PENDING", "ERROR", "DELETED"]

    /// A sentence for an item in ERROR: Designate keeps no error text, only the action that failed.
    public static func errorSummary(status: String?, action: String?) -> String? {
        guard status?.uppercased() == "ERROR" else { return nil }
        let what = action.flatMap { $0 == "NONE" ? nil : $0 } ?? "last change"
        return "the \(what) did not reach the DNS servers; Designate gives no reason (see designate-worker's log)"
    }
}
