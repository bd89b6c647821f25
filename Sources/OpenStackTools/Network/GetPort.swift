import Foundation
import OpenStackKit

/// `get_port`: one Neutron port by ID or exact name.
enum GetPort {
    static var definition: ToolDefinition {
        ShowTool<OpenStackKit.Port>(
            name: "get_port", title: "Show one port",
            description:
                "Show one Neutron port by ID or name, with its binding.",
            noun: "port",
            nameOf: { $0.name },
            lookups: GetPorts.lookups,
            basic: GetPorts.basicColumns,
            detailed: GetPorts.detailedColumns
        ).definition
    }
}
