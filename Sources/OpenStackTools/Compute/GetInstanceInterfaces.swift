import Foundation
import OpenStackKit

/// `get_instance_interfaces`: the ports attached to a server, with network names.
enum GetInstanceInterfaces {
    static var definition: ToolDefinition {
        ListTool<InterfaceAttachment>(
            name: "get_instance_interfaces", title: "List a server's network interfaces",
            description:
                "A server's network interfaces: port, network, fixed IPs, MAC, state.",
            noun: "port",
            extraProperties: [
                "server": Schema.string("Server ID or name"),
            ],
            required: ["server"],
            request: { arguments in
                guard let server = try arguments.string("server") else {
                    throw ToolArgumentError(argument: "server", problem: "required: the server's ID or exact name")
                }
                return ListRequest(
                    service: .compute, path: path(server: server), collectionKey: "interfaceAttachments",
                    supportsPaging: false, markerField: "port_id")
            },
            searchFields: { [$0.portID, $0.macAddress, $0.networkID] + $0.fixedIPs.map(\.ipAddress) },
            lookups: { cloud, ports in await networkNames(cloud: cloud, ids: Set(ports.compactMap(\.networkID))) },
            basic: { port, found in
                .compact([
                    ("port_id", .string(port.portID)), ("network_id", port.networkID.json),
                    ("network_name", port.networkID.flatMap { found.values["network"]?[$0] }),
                    ("fixed_ips", .array(port.fixedIPs.map { .string($0.ipAddress) })),
                    ("mac_addr", port.macAddress.json), ("port_state", port.portState.json),
                ])
            },
            detailed: { port, _ in
                .compact([
                    ("fixed_ips", .array(port.fixedIPs.map { ip in
                        .object(.compact([("ip_address", .string(ip.ipAddress)), ("subnet_id", ip.subnetID.json)]))
                    })),
                    ("tag", port.tag.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = path(server: try await GetInstance.serverID(try arguments.string("server")!, cloud: cloud))
                return request
            }
        ).definition
    }

    static func path(server: String) -> String {
        "/servers/\(PathSegment.encode(server))/os-interface"
    }

    /// Names of the page's networks in one Neutron request (`id` repeated, `fields` trimmed).
    /// A failure only costs the names.
    static func networkNames(cloud: OpenStackCloud, ids: Set<String>) async -> Lookups {
        guard !ids.isEmpty else { return Lookups() }
        let query = ids.sorted().map { URLQueryItem(name: "id", value: $0) }
            + [URLQueryItem(name: "fields", value: "id"), URLQueryItem(name: "fields", value: "name")]
        guard let answer = try? await cloud.get(.network, path: "/networks", query: query) else { return Lookups() }
        var names: [String: JSONValue] = [:]
        for network in answer.json["networks"]?.arrayValue ?? [] {
            if let id = network.text("id"), let name = network.text("name") { names[id] = .string(name) }
        }
        return Lookups(values: ["network": names])
    }
}
