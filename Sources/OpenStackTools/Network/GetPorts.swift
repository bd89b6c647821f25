import Foundation
import OpenStackKit

/// `get_ports`: Neutron ports with their network and security group names (two batched lookups
/// per page, run concurrently).
enum GetPorts {
    static var definition: ToolDefinition {
        ListTool<OpenStackKit.Port>(
            name: "get_ports", title: "List ports",
            description:
                "List Neutron ports: MAC, fixed IPs, status, device (server, router, DHCP), network, security groups. device_id=<server id> finds a server's ports.",
            noun: "port",
            extraProperties: Schema.filters(of: OpenStackKit.Port.declaration),
            request: OpenStackKit.Port.declaration.request,
            searchFields: { port in [port.name, port.macAddress, port.deviceOwner] + port.fixedIPs.map(\.ipAddress) },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ ports: [OpenStackKit.Port]) async -> Lookups {
        async let networks = NeutronLookup.networkNames(cloud, ids: ports.compactMap(\.networkID))
        async let groups = NeutronLookup.securityGroupNames(cloud, ids: ports.flatMap(\.securityGroupIDs))
        var found = Lookups()
        found.network.networkNames = await networks
        found.network.securityGroupNames = await groups
        return found
    }

    /// The columns of `openstack port list`.
    static func basicColumns(_ port: OpenStackKit.Port, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(port.id)), ("name", port.name.json), ("mac_address", port.macAddress.json),
            ("fixed_ips", .array(port.fixedIPs.map(\.json))), ("status", port.status.json),
        ])
    }

    static func detailedColumns(_ port: OpenStackKit.Port, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("network_id", port.networkID.json),
            ("network_name", port.networkID.flatMap { found.network.networkNames[$0] }.json),
            ("device_id", port.deviceID.json), ("device_owner", port.deviceOwner.json),
            ("project_id", port.projectID.json), ("admin_state_up", port.adminStateUp.json),
            ("security_groups", .array(port.securityGroupIDs.map { id in
                .object(.compact([("id", .string(id)), ("name", found.network.securityGroupNames[id].json)]))
            })),
            ("port_security_enabled", port.portSecurityEnabled.json),
            ("binding:host_id", port.hostID.json), ("binding:vif_type", port.vifType.json),
            ("binding:vnic_type", port.vnicType.json),
            ("allowed_address_pairs", port.allowedAddressPairs.isEmpty ? nil : .array(port.allowedAddressPairs)),
            ("dns_name", port.dnsName.flatMap { $0.isEmpty ? nil : $0 }.json),
            ("description", port.description.json),
            ("trunk_details", port.trunkDetails.map { details in
                .object(.compact([
                    ("trunk_id", details.trunkID.json), ("sub_ports", .array(details.subPorts.map(\.json))),
                ]))
            }),
            ("created_at", port.createdAt.json), ("updated_at", port.updatedAt.json),
        ])
    }
}
