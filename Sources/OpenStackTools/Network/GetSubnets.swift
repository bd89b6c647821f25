import Foundation
import OpenStackKit

/// `get_subnets`: Neutron subnets with their network's name (one batched lookup per page).
enum GetSubnets {
    static var definition: ToolDefinition {
        ListTool<Subnet>(
            name: "get_subnets", title: "List subnets",
            description:
                "List Neutron subnets: CIDR, gateway, DHCP, pools, DNS, network name.",
            noun: "subnet",
            searchFields: { [$0.name, $0.cidr] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ subnets: [Subnet]) async -> Lookups {
        var found = Lookups()
        found.network.networkNames = await NeutronLookup.networkNames(cloud, ids: subnets.compactMap(\.networkID))
        return found
    }

    /// The columns of `openstack subnet list`.
    static func basicColumns(_ subnet: Subnet, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(subnet.id)), ("name", subnet.name.json), ("network_id", subnet.networkID.json),
            ("cidr", subnet.cidr.json),
        ])
    }

    static func detailedColumns(_ subnet: Subnet, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("network_name", subnet.networkID.flatMap { found.network.networkNames[$0] }.json),
            ("ip_version", subnet.ipVersion.json), ("gateway_ip", subnet.gatewayIP.json),
            ("enable_dhcp", subnet.enableDHCP.json),
            ("allocation_pools", .array(subnet.allocationPools.map { pool in
                .object(.compact([("start", pool.start.json), ("end", pool.end.json)]))
            })),
            ("dns_nameservers", .array(subnet.dnsNameservers.map(JSONValue.string))),
            ("host_routes", .array(subnet.hostRoutes.map { route in
                .object(.compact([("destination", route.destination.json), ("nexthop", route.nexthop.json)]))
            })),
            ("project_id", subnet.projectID.json), ("subnetpool_id", subnet.subnetPoolID.json),
            ("ipv6_address_mode", subnet.ipv6AddressMode.json), ("ipv6_ra_mode", subnet.ipv6RAMode.json),
            ("segment_id", subnet.segmentID.json), ("description", subnet.description.json),
            ("created_at", subnet.createdAt.json), ("updated_at", subnet.updatedAt.json),
        ])
    }
}
