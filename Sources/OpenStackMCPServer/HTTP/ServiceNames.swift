// ServiceLifecycle names each service with "\(service)" when the group is configured. Without
// these, that string is a reflection dump of the whole engine (registry, clouds, schemas): it
// took seconds of CPU at every start in debug builds and would put all of it into log metadata.

extension MCPHTTPService: CustomStringConvertible {
    /// The name ServiceLifecycle uses in its log lines.
    public var description: String { "mcp-http" }
}

extension OpsHTTPService: CustomStringConvertible {
    /// The name ServiceLifecycle uses in its log lines.
    public var description: String { "ops-http" }
}

extension SessionReaper: CustomStringConvertible {
    var description: String { "session-reaper" }
}

extension AuthReloadService: CustomStringConvertible {
    var description: String { "auth-reload" }
}
