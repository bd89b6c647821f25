import Foundation
import OpenStackKit

/// `get_baremetal_allocations`: Ironic allocations, claims on nodes.
enum GetBaremetalAllocations {
    static var definition: ToolDefinition {
        ListTool<BaremetalAllocation>(
            name: "get_baremetal_allocations", title: "List bare-metal allocations",
            description: "List Ironic allocations: state, node, resource class, traits, last error.",
            noun: "allocation",
            searchFields: { [$0.name, $0.nodeID, $0.resourceClass] },
            basic: { allocation, _ in
                .compact([
                    ("id", .string(allocation.id)), ("name", allocation.name.json), ("state", allocation.state.json),
                    ("node_uuid", allocation.nodeID.json), ("resource_class", allocation.resourceClass.json),
                    ("last_error", allocation.lastError.json),
                ])
            },
            detailed: { allocation, _ in
                .compact([
                    ("traits", .array(allocation.traits.map(JSONValue.string))),
                    ("candidate_nodes", .array(allocation.candidateNodes.map(JSONValue.string))), ("owner", allocation.owner.json),
                ])
            }
        ).definition
    }
}
