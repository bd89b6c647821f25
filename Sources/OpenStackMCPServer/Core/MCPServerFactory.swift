import MCP
import OpenStackTools

/// Builds configured MCP `Server` instances: one per stateless request, per session, or for stdio.
public struct MCPServerFactory: Sendable {
    public static let name = "openstack-mcp-server"
    public static let version = "0.2.0"

    public let registry: ToolRegistry

    public init(registry: ToolRegistry) { self.registry = registry }

    public static let instructions = """
        Read-only access to an OpenStack cloud (Nova, Neutron, Cinder, Glance, Keystone). \
        Every tool is a list with filter, limit, detail_level (basic|detailed|full) and cursor; \
        results carry items, count and next_cursor. Nothing can be changed through this server.
        """

    /// A new server with every tool installed.
    public func makeServer() async -> Server {
        let server = Server(
            name: Self.name, version: Self.version, title: "OpenStack (read-only)", instructions: Self.instructions,
            capabilities: .init(
                prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)))
        await registry.install(on: server)
        return server
    }
}
