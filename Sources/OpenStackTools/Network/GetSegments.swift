import Foundation
import OpenStackKit

/// `get_segments`: Neutron network segments with their network's name (one batched read).
enum GetSegments {
    static var definition: ToolDefinition {
        ListTool<NetworkSegment>(
            name: "get_segments", title: "List network segments",
            description: "List Neutron network segments: network, type, physical network, VLAN or tunnel ID.",
            noun: "segment",
            searchFields: { [$0.name, $0.physicalNetwork, $0.networkType] },
            lookups: { cloud, segments in
                var found = Lookups()
                found.network.networkNames = await NeutronLookup.networkNames(cloud, ids: segments.compactMap(\.networkID))
                return found
            },
            basic: { segment, found in
                .compact([
                    ("id", .string(segment.id)), ("name", segment.name.json), ("network_id", segment.networkID.json),
                    ("network_name", segment.networkID.flatMap { found.network.networkNames[$0] }.json),
                    ("network_type", segment.networkType.json), ("segmentation_id", segment.segmentationID.json),
                ])
            },
            detailed: { segment, _ in
                .compact([
                    ("physical_network", segment.physicalNetwork.json), ("description", segment.description.json),
                ])
            }
        ).definition
    }
}
