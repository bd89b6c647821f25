import Foundation
import OpenStackKit

/// `get_port_forwardings`: the port forwardings of one floating IP, given by ID or address.
enum GetPortForwardings {
    static let argument = Schema.string("The floating IP's ID or address.")

    static var definition: ToolDefinition {
        ListTool<PortForwarding>(
            name: "get_port_forwardings", title: "List a floating IP's port forwardings",
            description: "Port forwardings of one floating IP: protocol, external port, internal address and port.",
            noun: "port forwarding",
            extraProperties: ["floating_ip": argument], required: ["floating_ip"],
            searchFields: { [$0.internalIPAddress, $0.description, $0.internalPortID] },
            lookups: { cloud, forwardings in
                var found = Lookups()
                found.network.ports = await NeutronLookup.ports(cloud, ids: forwardings.compactMap(\.internalPortID))
                return found
            },
            basic: { forwarding, _ in
                .compact([
                    ("id", .string(forwarding.id)), ("protocol", forwarding.protocol.json),
                    ("external_port", forwarding.externalPort.json), ("external_port_range", forwarding.externalPortRange.json),
                    ("internal_ip_address", forwarding.internalIPAddress.json),
                    ("internal_port", forwarding.internalPort.json), ("internal_port_range", forwarding.internalPortRange.json),
                ])
            },
            detailed: { forwarding, found in
                .compact([
                    ("internal_port_id", forwarding.internalPortID.json), ("description", forwarding.description.json),
                    // The server (or other device) the forwarding reaches.
                    ("device_id", forwarding.internalPortID.flatMap { found.network.ports[$0]?.deviceID }.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                let key = try given(arguments)
                let floatingIP = try await finder.find(key, cloud: cloud, tryID: UUID(uuidString: key) != nil)
                request.path = PortForwarding.path(floatingIP: floatingIP.id)
                return request
            },
            lookupLevels: [.detailed],
            // `prepare` has found the floating IP, so a 404 here means the extension is missing.
            parentMissing: { arguments in
                ("the Neutron extension floating-ip-port-forwarding is not enabled on this cloud, so floating IP '\((try? given(arguments)) ?? "")' has no port forwardings",
                 "get_network_extensions lists what this Neutron offers; the other tools keep working")
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
