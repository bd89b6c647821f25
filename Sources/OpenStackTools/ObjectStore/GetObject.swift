import Foundation
import OpenStackKit

/// `get_object`: one object's metadata, read with HEAD; never its content.
enum GetObject {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_object", title: "Show one Swift object's metadata",
            description: "One object's metadata (type, size, etag, last modified, X-Object-Meta-*), read with HEAD; never its content.",
            inputSchema: Schema.object(["container": Schema.string(""), "object": Schema.string("Full name")], required: ["container", "object"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let container = try arguments.string("container") else {
                throw ToolArgumentError(argument: "container", problem: "required: the container's name (get_containers)")
            }
            guard let name = try arguments.string("object") else {
                throw ToolArgumentError(argument: "object", problem: "required: the object's full name (get_objects)")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            // The name is one encoded segment: Swift decodes the path, so `db/x.sql` stays one object.
            let path = ResourcePath().appending(container).appending(name).description
            var item = ObjectStoreHeaders.object(try await cloud.head(.objectStore, path: path).headers).objectValue ?? [:]
            item["container"] = .string(container)
            item["name"] = .string(name)
            return ShowOutput.result(item: Redactor.redact(.object(item)), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
