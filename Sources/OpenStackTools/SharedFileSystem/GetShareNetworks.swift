import Foundation
import OpenStackKit

/// `get_share_networks`: the Neutron networks and subnets Manila's share servers join.
enum GetShareNetworks {
    static var definition: ToolDefinition {
        ListTool<ShareNetwork>(
            name: "get_share_networks", title: "List share networks",
            description: "List Manila share networks with their Neutron network and subnet names.",
            noun: "share network",
            searchFields: { [$0.name] },
            lookups: { cloud, networks in
                let subnets = networks.flatMap(\.subnets)
                var found = Lookups()
                let networkNames = await NeutronLookup.networkNames(cloud, ids: Array(Set(subnets.compactMap(\.neutronNetID))))
                let subnetNames = await NeutronLookup.names(
                    cloud, path: "/subnets", collection: "subnets", ids: Array(Set(subnets.compactMap(\.neutronSubnetID))))
                found.values["network"] = networkNames.mapValues(JSONValue.string)
                found.values["subnet"] = subnetNames.mapValues(JSONValue.string)
                return found
            },
            basic: { network, found in
                .compact([
                    ("id", .string(network.id)), ("name", network.name.json),
                    ("subnets", .array(network.subnets.map { subnet in
                        .object(.compact([
                            ("neutron_net_id", subnet.neutronNetID.json), ("network_name", found.name("network", subnet.neutronNetID).json),
                            ("neutron_subnet_id", subnet.neutronSubnetID.json), ("subnet_name", found.name("subnet", subnet.neutronSubnetID).json),
                            ("availability_zone", subnet.availabilityZone.json),
                        ]))
                    })),
                ])
            },
            detailed: { network, _ in
                .compact([
                    ("status", network.status.json), ("project_id", network.projectID.json),
                    ("description", network.raw["description"]), ("created_at", network.raw["created_at"]),
                ])
            }
        ).definition
    }
}
