import Foundation

/// Told about every upstream answer made on behalf of the current task.
///
/// The MCP layer installs one per request that asked for progress (`_meta.progressToken`), so a
/// client sees each OpenStack call of a long tool call complete, without tools reporting anything
/// themselves.
public protocol UpstreamObserver: Sendable {
    /// One upstream request got an answer. `path` has no query string: it never carries a secret.
    func upstreamAnswered(service: String, method: String, path: String, status: Int)
}

/// The observer of the current task and its children (a task-local value).
public enum UpstreamObservation {
    @TaskLocal public static var observer: (any UpstreamObserver)?
}
