import Foundation

/// The statuses Octavia gives every object: provisioning (is the config applied?) and
/// operating (is traffic flowing?).
public enum OctaviaStatus {
    static let provisioning = ["ACTIVE", "PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE", "DELETED", "ERROR"]
    static let operating = ["ONLINE", "DRAINING", "OFFLINE", "DEGRADED", "ERROR", "NO_MONITOR"]
    static let filters: [ResourceFilter] = [
        .enumeration("provisioning_status", provisioning, .uppercased),
        .enumeration("operating_status", operating, .uppercased),
    ]

    /// Operating statuses that mean the member (or pool, or balancer) is not serving.
    public static let down: Set<String> = ["OFFLINE", "ERROR", "DEGRADED"]
}

/// Octavia's references: `[{"id": …}]`.
enum OctaviaRefs {
    static func ids(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }
}
