import Foundation

/// How the MCP server listens and what it accepts.
public struct ServerOptions: Sendable {
    public var host: String
    public var port: Int
    /// Answer POSTs with plain JSON instead of an SSE-framed message.
    public var jsonResponse: Bool
    /// Keep MCP sessions (Mcp-Session-Id) instead of answering each POST on its own.
    public var stateful: Bool
    /// Extra Host header values to accept (`name` or `name:port`), beyond the loopback names.
    public var allowedHosts: [String]
    /// Extra Origin values to accept (`scheme://name[:port]`), beyond the loopback origins.
    public var allowedOrigins: [String]
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// A session unused this long is closed.
    public var sessionIdleTimeout: Duration
    /// A session is closed this long after it started, used or not.
    public var sessionMaxAge: Duration
    /// Most sessions open at once; a new one beyond it gets 503.
    public var maxSessions: Int
    /// Time allowed for a graceful shutdown before open streams are cut.
    public var shutdownGrace: Duration
    /// How long a connection idle at shutdown stays open for a request already on its way.
    public var lameDuckWindow: Duration
    /// How often an open SSE stream carries a comment: a client that left is noticed at the next
    /// one, which cancels its request.
    public var keepAliveInterval: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8000, jsonResponse: Bool = false, stateful: Bool = false,
        allowedHosts: [String] = [], allowedOrigins: [String] = [], maxBodyBytes: Int = 1 << 20,
        sessionIdleTimeout: Duration = .seconds(600), sessionMaxAge: Duration = .seconds(3600), maxSessions: Int = 100,
        shutdownGrace: Duration = .seconds(3), lameDuckWindow: Duration = .seconds(1),
        keepAliveInterval: Duration = .seconds(2)
    ) {
        self.host = host
        self.port = port
        self.jsonResponse = jsonResponse
        self.stateful = stateful
        self.allowedHosts = allowedHosts
        self.allowedOrigins = allowedOrigins
        self.maxBodyBytes = maxBodyBytes
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionMaxAge = sessionMaxAge
        self.maxSessions = maxSessions
        self.shutdownGrace = shutdownGrace
        self.lameDuckWindow = lameDuckWindow
        self.keepAliveInterval = keepAliveInterval
    }
}
