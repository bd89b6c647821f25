import Foundation
import OpenStackKit

/// The node columns `get_baremetal_nodes` and `get_baremetal_node` share. Secrets in the
/// driver fields are masked when the node is read (``BaremetalSecrets``), whatever the level.
enum BaremetalColumns {
    /// The Nova server names of the nodes' instances; a cloud without Nova only loses the names.
    static let lookups: @Sendable (OpenStackCloud, [BaremetalNode]) async -> Lookups = { cloud, nodes in
        var found = Lookups()
        let ids = nodes.compactMap(\.instanceID)
        if !ids.isEmpty { found.values["server"] = await NameLookup.serverNames(cloud: cloud, ids: ids) }
        return found
    }

    static let basic: @Sendable (BaremetalNode, Lookups) -> [String: JSONValue] = { node, found in
        .compact([
            ("id", .string(node.id)), ("name", node.name.json), ("power_state", node.powerState.json),
            ("provision_state", node.provisionState.json), ("maintenance", .bool(node.maintenance)),
            ("maintenance_reason", node.maintenanceReason.json), ("last_error", node.lastError.json),
            ("instance_uuid", node.instanceID.json), ("instance_name", found.name("server", node.instanceID).json),
        ])
    }

    static let detailed: @Sendable (BaremetalNode, Lookups) -> [String: JSONValue] = { node, _ in
        .compact([
            ("driver", node.driver.json), ("resource_class", node.resourceClass.json), ("fault", node.fault.json),
            ("target_power_state", node.targetPowerState.json), ("target_provision_state", node.targetProvisionState.json),
            ("conductor", node.conductor.json), ("owner", node.owner.json), ("updated_at", node.updatedAt.json),
            ("driver_info", node.raw["driver_info"]),
        ])
    }
}
