import Foundation
import OpenStackKit

/// `get_flavor`: one Nova flavor by ID or name.
enum GetFlavor {
    static var definition: ToolDefinition {
        ShowTool<Flavor>(
            name: "get_flavor", title: "Show one compute flavor",
            description:
                "Show one Nova flavor by ID or name, with extra specs.",
            noun: "flavor", service: .compute,
            path: { "/flavors/\($0)" },
            findByName: { _ in
                // Nova's flavor name filter needs 2.102; the list of every flavor is small.
                ListRequest(
                    service: .compute, path: "/flavors/detail", collectionKey: "flavors",
                    query: [URLQueryItem(name: "is_public", value: "None")])
            },
            nameOf: { $0.name },
            basic: GetFlavors.basicColumns,
            detailed: GetFlavors.detailedColumns
        ).definition
    }
}
