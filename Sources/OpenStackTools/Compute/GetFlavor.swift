import Foundation
import OpenStackKit

/// `get_flavor`: one Nova flavor by ID or name.
enum GetFlavor {
    static var definition: ToolDefinition { tool.definition }

    static var tool: ShowTool<Flavor> {
        ShowTool<Flavor>(
            name: "get_flavor", title: "Show one compute flavor",
            description:
                "Show one Nova flavor by ID or name, with extra specs.",
            noun: "flavor", nameOf: { $0.name },
            basic: GetFlavors.basicColumns,
            detailed: GetFlavors.detailedColumns
        )
    }
}
