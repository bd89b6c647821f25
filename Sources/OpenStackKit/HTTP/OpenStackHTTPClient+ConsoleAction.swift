import Foundation

extension OpenStackHTTPClient {
    /// The one Nova action the read-only rule lets through: `POST …/servers/{id}/action` whose body
    /// is exactly `{"os-getConsoleOutput": {"length": N}}` with N an integer. Nova serves a
    /// server's console log only as this action; it reads and changes nothing. Any other action,
    /// key, value type or path shape is refused with the other writes.
    static func isConsoleOutputAction(_ request: OutgoingRequest) -> Bool {
        guard request.method == .POST, let url = URL(string: request.url), url.query == nil, url.fragment == nil else {
            return false
        }
        let segments = url.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 4, segments[segments.count - 3] == "servers", !segments[segments.count - 2].isEmpty,
            segments[segments.count - 1] == "action"
        else { return false }
        // A repeated member name is refused: two JSON readers could see two different actions.
        guard let body = request.body, let (document, duplicates) = try? JSONValue.parseMessage(body), !duplicates,
            let members = document.objectValue, members.count == 1,
            let action = members["os-getConsoleOutput"]?.objectValue, action.count == 1,
            case .int = action["length"]
        else { return false }
        return true
    }
}
