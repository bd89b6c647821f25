import Foundation
import OpenStackKit

/// `get_router`: one Neutron router by ID or exact name, with its gateway and interfaces.
enum GetRouter {
    static var definition: ToolDefinition {
        ShowTool<Router>(
            name: "get_router", title: "Show one router",
            description:
                "Show one Neutron router by ID or name.",
            noun: "router",
            nameOf: { $0.name },
            lookups: GetRouters.lookups,
            basic: GetRouters.basicColumns,
            detailed: GetRouters.detailedColumns
        ).definition
    }
}
