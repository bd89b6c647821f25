import Foundation
import OpenStackKit

/// `get_objects`: a container's objects.
enum GetObjects {
    static var definition: ToolDefinition {
        var properties = Schema.filters(of: StoredObject.declaration)
        properties["container"] = Schema.string("")
        return ListTool<StoredObject>(
            name: "get_objects", title: "List objects in a Swift container",
            description: "List a container's objects (name, size, type, last modified); with delimiter, folders as subdir.",
            noun: "object",
            extraProperties: properties, required: ["container"],
            request: { arguments in
                guard let container = try arguments.string("container") else {
                    throw ToolArgumentError(argument: "container", problem: "required: the container's name (get_containers)")
                }
                var request = try StoredObject.declaration.request(arguments)
                request.path = StoredObject.path(container: container)
                return request
            },
            searchFields: { [$0.name, $0.contentType] },
            basic: { object, _ in
                object.isFolder
                    ? ["name": .string(object.name), "subdir": .bool(true)]
                    : .compact([("name", .string(object.name)), ("bytes", object.bytes.json)])
            },
            detailed: { object, _ in
                .compact([
                    ("content_type", object.contentType.json), ("last_modified", object.lastModified.json),
                    ("etag", object.hash.json),
                ])
            },
            parentMissing: { arguments in
                ("no container is named '\((try? arguments.string("container")) ?? nil ?? "")'", "get_containers lists them")
            }
        ).definition
    }
}
