import Foundation
import OpenStackKit

/// `get_port_forwardings`: the port forwardings of one floating IP, given by ID or address.
enum GetPortForwardings {
    static let argument = Schema.string("The floating IP's ID or address.")

    static var definition: ToolDefinition {
        ListTool<PortForwarding>(
            name: "get_port_forwardings", title: "List a floating IP's port forwardings",
            description: "List the port forwardings of one floating IP: protocol, external port, internal address and port.",
            noun: "port forwarding",
            extraProperties: Schema.filters(of: PortForwarding.declaration).merging(["floating_ip": argument]) { _, new in new },
            required: ["floating_ip"],
            request: { arguments in
                var request = try PortForwarding.declaration.request(arguments)
                request.path = PortForwarding.path(floatingIP: try given(arguments))
                return request
            },
            searchFields: { [$0.internalIPAddress, $0.description, $0.internalPortID] },
            basic: { forwarding, _ in
                .compact([
                    ("id", .string(forwarding.id)), ("protocol", forwarding.protocol.json),
                    ("external_port", forwarding.externalPort.json), ("internal_ip_address", forwarding.internalIPAddress.json),
                    ("internal_port", forwarding.internalPort.json),
                ])
            },
            detailed: { forwarding, _ in
                .compact([
                    ("internal_port_id", forwarding.internalPortID.json), ("description", forwarding.description.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                let key = try given(arguments)
                let floatingIP = try await finder.find(key, cloud: cloud, tryID: UUID(uuidString: key) != nil)
                request.path = PortForwarding.path(floatingIP: floatingIP.id)
                return request
            },
            parentMissing: { arguments in
                ("no floating IP has the ID '\((try? given(arguments)) ?? "")'",
                 "list them with get_floating_ips, or pass the floating IP's address")
            }
        ).definition
    }

    static func given(_ arguments: ToolArguments) throws -> String {
        guard let key = try arguments.string("floating_ip") else {
            throw ToolArgumentError(argument: "floating_ip", problem: "required: a floating IP's ID or address (get_floating_ips)")
        }
        return key
    }

    private static let finder = ShowTool<FloatingIP>(
        name: "get_floating_ip", title: "", description: "", noun: "floating IP", nameOf: { $0.floatingIPAddress },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
