import Foundation
import OpenStackKit

/// `get_networks`: Neutron networks with their shared and external flags, and the name and CIDR
/// of each subnet (one batched lookup per page).
enum GetNetworks {
    static var definition: ToolDefinition {
        ListTool<Network>(
            name: "get_networks", title: "List networks",
            description:
                "List Neutron networks: status, subnets, shared and external flags.",
            noun: "network",
            searchFields: { [$0.name] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ networks: [Network]) async -> Lookups {
        var found = Lookups()
        found.network.subnets = await NeutronLookup.subnets(cloud, ids: networks.flatMap(\.subnetIDs))
        return found
    }

    /// The columns of `openstack network list`.
    static func basicColumns(_ network: Network, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(network.id)), ("name", network.name.json),
            ("subnets", .array(network.subnetIDs.map(JSONValue.string))),
        ])
    }

    static func detailedColumns(_ network: Network, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("status", network.status.json), ("shared", .bool(network.shared)),
            ("external", .bool(network.external)), ("admin_state_up", network.adminStateUp.json),
            ("project_id", network.projectID.json), ("mtu", network.mtu.json),
            ("provider:network_type", network.networkType.json),
            ("provider:physical_network", network.physicalNetwork.json),
            ("provider:segmentation_id", network.segmentationID.json),
            ("availability_zones", .array(network.availabilityZones.map(JSONValue.string))),
            ("subnet_details", .array(network.subnetIDs.map { id in
                .object(.compact([
                    ("id", .string(id)), ("name", found.network.subnets[id]?["name"]),
                    ("cidr", found.network.subnets[id]?["cidr"]),
                ]))
            })),
        ])
    }
}
