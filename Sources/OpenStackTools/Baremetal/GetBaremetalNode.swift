import Foundation
import OpenStackKit

/// `get_baremetal_node`: one Ironic node by UUID or name.
enum GetBaremetalNode {
    static var definition: ToolDefinition {
        ShowTool<BaremetalNode>(
            name: "get_baremetal_node", title: "Show one bare-metal node",
            description: "One Ironic node by UUID or name: states, maintenance, last error, driver, instance (BMC secrets masked).",
            noun: "node", nameOf: { $0.name },
            lookups: BaremetalColumns.lookups, basic: BaremetalColumns.basic, detailed: BaremetalColumns.detailed
        ).definition
    }
}
