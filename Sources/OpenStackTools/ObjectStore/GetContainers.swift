import Foundation
import OpenStackKit

/// `get_containers`: the account's containers.
enum GetContainers {
    static var definition: ToolDefinition {
        ListTool<StorageContainer>(
            name: "get_containers", title: "List Swift containers",
            description: "List the account's Swift containers: objects, bytes, last modified.",
            noun: "container",
            searchFields: { [$0.name] },
            basic: { container, _ in
                .compact([("name", .string(container.name)), ("objects", container.objectCount.json), ("bytes", container.bytes.json)])
            },
            detailed: { container, _ in .compact([("last_modified", container.lastModified.json)]) }
        ).definition
    }
}
