import Foundation
import OpenStackKit

/// `get_floating_ips`: Neutron floating IPs with the server each one reaches and the name of its
/// external network (one batched lookup per page).
enum GetFloatingIPs {
    static var definition: ToolDefinition {
        ListTool<FloatingIP>(
            name: "get_floating_ips", title: "List floating IPs",
            description:
                "List floating IPs: address, the fixed IP, port and server behind it, router, status, network.",
            noun: "floating or fixed IP address",
            searchFields: { [$0.floatingIPAddress, $0.fixedIPAddress, $0.description, $0.dnsName] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns,
            lookupLevels: [.detailed]
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ floatingIPs: [FloatingIP]) async -> Lookups {
        var found = Lookups()
        async let networks = NeutronLookup.networkNames(cloud, ids: floatingIPs.compactMap(\.floatingNetworkID))
        async let servers = NameLookup.serverNames(cloud: cloud, ids: floatingIPs.compactMap(serverID))
        found.network.networkNames = await networks
        found.values["server"] = await servers
        return found
    }

    /// The server behind a floating IP: the device of its port, when that device is a Nova server.
    static func serverID(_ floatingIP: FloatingIP) -> String? {
        let details = floatingIP.portDetails
        return details?.deviceOwner?.hasPrefix("compute:") == true ? details?.deviceID : nil
    }

    /// The columns of `openstack floating ip list`.
    static func basicColumns(_ floatingIP: FloatingIP, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(floatingIP.id)), ("floating_ip_address", floatingIP.floatingIPAddress.json),
            ("fixed_ip_address", floatingIP.fixedIPAddress.json), ("port_id", floatingIP.portID.json),
            ("floating_network_id", floatingIP.floatingNetworkID.json), ("project_id", floatingIP.projectID.json),
        ])
    }

    static func detailedColumns(_ floatingIP: FloatingIP, _ found: Lookups) -> [String: JSONValue] {
        let details = floatingIP.portDetails
        let server = serverID(floatingIP)
        return .compact([
            ("status", floatingIP.status.json), ("router_id", floatingIP.routerID.json),
            ("floating_network_name", floatingIP.floatingNetworkID.flatMap { found.network.networkNames[$0] }.json),
            ("server_id", server.json), ("server_name", found.name("server", server).json),
            ("port_details", details.map { details in
                .object(.compact([
                    ("device_id", details.deviceID.json), ("device_owner", details.deviceOwner.json),
                    ("network_id", details.networkID.json), ("mac_address", details.macAddress.json),
                    ("status", details.status.json),
                ]))
            }),
            ("port_forwardings", floatingIP.portForwardings.isEmpty ? nil : .array(floatingIP.portForwardings)),
            ("description", floatingIP.description.json), ("dns_name", floatingIP.dnsName.json),
            ("dns_domain", floatingIP.dnsDomain.json), ("created_at", floatingIP.createdAt.json),
        ])
    }
}
