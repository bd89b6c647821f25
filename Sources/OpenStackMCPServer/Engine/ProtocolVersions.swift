/// Which generation of MCP a request speaks (spec 2026-07-28, basic/versioning).
public enum ProtocolEra: Sendable, Equatable {
    /// 2026-07-28 and later: stateless, the version and capabilities in each request's `_meta`.
    case modern
    /// 2025-11-25 and earlier: an `initialize` handshake chooses the version.
    case legacy
}

/// The protocol versions this server speaks.
public enum ProtocolVersions {
    public static let modern = ["2026-07-28"]
    /// Newest first; `initialize` with anything else is answered with the newest.
    public static let legacy = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    public static let all = modern + legacy

    /// The `_meta` keys of 2026-07-28.
    enum Meta {
        static let protocolVersion = "io.modelcontextprotocol/protocolVersion"
        static let clientCapabilities = "io.modelcontextprotocol/clientCapabilities"
        static let clientInfo = "io.modelcontextprotocol/clientInfo"
        static let serverInfo = "io.modelcontextprotocol/serverInfo"
        static let logLevel = "io.modelcontextprotocol/logLevel"
    }
}
