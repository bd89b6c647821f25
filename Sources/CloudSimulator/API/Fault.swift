/// A fault injected for every request whose path starts with a given prefix.
public enum Fault: Sendable, Equatable {
    /// Answer with this HTTP status and the service's usual error body.
    case status(Int)
    /// Never answer (until the fault is cleared or the cloud stops).
    case hang
    /// Wait this long, then answer normally.
    case latency(milliseconds: Int)
    /// Answer 200 with a body that is not valid JSON.
    case badJSON
    /// Close the connection without answering.
    case reset
}

/// One request seen by the simulator (failed ones included).
public struct LoggedRequest: Sendable, Equatable {
    /// HTTP method, e.g. `GET`.
    public let method: String
    /// Path without the query string, e.g. `/compute/v2.1/servers/detail`.
    public let path: String
    /// Raw query string without `?` (empty when absent).
    public let query: String
    /// Status answered; 0 when no answer was sent (hang cancelled, reset).
    public let status: Int

    /// Creates a log entry.
    public init(method: String, path: String, query: String, status: Int) {
        self.method = method
        self.path = path
        self.query = query
        self.status = status
    }
}
