import Foundation
import OpenStackKit

/// `get_baremetal_nodes`: Ironic nodes with their states, maintenance and last error.
enum GetBaremetalNodes {
    static var definition: ToolDefinition {
        ListTool<BaremetalNode>(
            name: "get_baremetal_nodes", title: "List bare-metal nodes",
            description: "List Ironic nodes: power and provision state, maintenance and why, last error, instance (BMC secrets masked).",
            noun: "node",
            searchFields: { [$0.name, $0.driver, $0.resourceClass, $0.instanceID] },
            lookups: BaremetalColumns.lookups, basic: BaremetalColumns.basic, detailed: BaremetalColumns.detailed
        ).definition
    }
}
