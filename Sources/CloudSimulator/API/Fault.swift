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
    /// Reset the connection (TCP RST) without answering.
    case reset
    /// Close the connection (FIN) without answering.
    case close
    /// Send the status line, the headers and half the body, then reset the connection.
    case resetMidBody
    /// Answer normally, but send the body in ten pieces with this pause before each.
    case slowBody(chunkMilliseconds: Int)
    /// Answer normally, but write the answer's links as a service behind a proxy does: on `origin`
    /// (another scheme, host or port, e.g. `http://nova-internal:8774`) and without the path
    /// prefix the demo cloud serves the service under, so `next` reads
    /// `http://nova-internal:8774/v2.1/servers/detail?marker=…`. Glance's relative `next` becomes
    /// absolute on `origin`.
    case foreignLinks(origin: String)
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
    /// Whether the request carried an `Authorization` header (OpenStack clients never send one:
    /// Keystone's token goes in X-Auth-Token), so tests can prove a caller's token is not passed on.
    public let carriedAuthorization: Bool
    /// The user and project of the request's valid X-Auth-Token, if it carried one, so that tests
    /// can prove whose identity each request used.
    public let tokenUser: String?
    public let tokenProject: String?

    /// Creates a log entry.
    public init(
        method: String, path: String, query: String, status: Int, carriedAuthorization: Bool = false,
        tokenUser: String? = nil, tokenProject: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.carriedAuthorization = carriedAuthorization
        self.tokenUser = tokenUser
        self.tokenProject = tokenProject
    }
}
