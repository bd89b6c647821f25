import Foundation
import OpenStackKit

/// MCP resources: `openstack://<cloud>/<type>/<id>` for one resource, served by the matching show
/// tool, plus `openstack://<cloud>/catalog` for each cloud's services and endpoints.
///
/// The types come from the registry: a type is offered only when its show tool exists.
public struct ResourceCatalog: Sendable {
    /// Resource type in the URI → the show tool that reads it.
    public static let showTools: [(type: String, tool: String, title: String)] = [
        ("server", "get_instance", "Compute instance"), ("flavor", "get_flavor", "Flavor"),
        ("hypervisor", "get_hypervisor", "Hypervisor"), ("volume", "get_volume", "Volume"),
        ("image", "get_image", "Image"), ("network", "get_network", "Network"), ("subnet", "get_subnet", "Subnet"),
        ("port", "get_port", "Port"), ("router", "get_router", "Router"),
        ("floating_ip", "get_floating_ip", "Floating IP"), ("security_group", "get_security_group", "Security group"),
    ]

    let registry: ToolRegistry

    public init(registry: ToolRegistry) { self.registry = registry }

    var offered: [(type: String, tool: String, title: String)] {
        let names = Set(registry.tools.map(\.name))
        return Self.showTools.filter { names.contains($0.tool) }
    }

    /// One template per resource type whose show tool is offered.
    public var templates: [ResourceTemplate] {
        offered.map {
            ResourceTemplate(
                uriTemplate: "openstack://{cloud}/\($0.type)/{id}", name: $0.type, title: $0.title,
                description: "One \($0.title.lowercased()) by ID or name, as JSON (the \($0.tool) tool at detail_level full).",
                mimeType: "application/json")
        }
    }

    /// The service catalog of each cloud.
    public var resources: [ResourceEntry] {
        registry.context.clouds.names.map {
            ResourceEntry(
                uri: "openstack://\($0)/catalog", name: "\($0) catalog", title: "Services and endpoints of \($0)",
                description: "The services registered in Keystone with their endpoints.", mimeType: "application/json")
        }
    }

    /// Reads a resource as JSON text; an unknown URI or a missing resource is a JSON-RPC error
    /// (`ProtocolError`; resource-not-found for one that is not there).
    ///
    /// - Parameters:
    ///   - caller: with `--identity caller`, who reads (nil: the server's own identity);
    ///   - visible: the tools this caller may use; a resource read through another is unknown.
    public func read(_ uri: String, as caller: ToolCaller? = nil, visible: Set<String>? = nil) async throws -> String {
        guard let components = URLComponents(string: uri), components.scheme == "openstack", let cloud = components.host
        else {
            throw ProtocolError.invalidParams("Not an openstack:// URI: \(uri). Use openstack://<cloud>/<type>/<id>.")
        }
        let parts = components.path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        let call: (tool: String, arguments: [String: JSONValue])
        if parts == ["catalog"] {
            call = ("get_services", ["cloud": .string(cloud), "limit": 1000])
        } else if parts.count == 2, let entry = offered.first(where: { $0.type == parts[0] && visible?.contains($0.tool) ?? true }) {
            call = (entry.tool, ["cloud": .string(cloud), "id": .string(parts[1]), "detail_level": "full"])
        } else {
            let types = offered.map(\.type).joined(separator: ", ")
            throw ProtocolError.invalidParams("Unknown resource \(uri). Types: \(types), or openstack://<cloud>/catalog.")
        }
        let result = try await registry.call(name: call.tool, arguments: call.arguments, as: caller)
        if result.isError {
            throw ProtocolError.resourceNotFound("Resource not available: \(result.firstText ?? "failed")")
        }
        return result.structuredContent?.compactText() ?? "{}"
    }
}
