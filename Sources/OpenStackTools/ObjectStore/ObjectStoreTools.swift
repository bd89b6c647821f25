import Foundation
import OpenStackKit

/// Swift: the account, its containers, their objects and one object's metadata. Listings and
/// HEAD only: no tool ever reads an object's content.
enum ObjectStoreTools {
    /// `get_object_store_account`: the account's totals and quota, from one HEAD.
    static var account: ToolDefinition {
        ToolDefinition(
            name: "get_object_store_account", title: "Show the Swift account",
            description: "The project's Swift account: containers, objects, bytes used, quota and metadata.",
            inputSchema: Schema.object([:]), outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let answer = try await cloud.head(.objectStore, path: "")
            return ShowOutput.result(
                item: Redactor.redact(ObjectStoreHeaders.account(answer.headers)), cloud: cloud.name,
                region: await cloud.effectiveRegion())
        }
    }

    /// `get_containers`: the account's containers with their counts and bytes.
    static var containers: ToolDefinition {
        ListTool<StorageContainer>(
            name: "get_containers", title: "List Swift containers",
            description: "List the account's Swift containers: objects, bytes, last modified.",
            noun: "container",
            extraProperties: Schema.filters(of: StorageContainer.declaration),
            request: StorageContainer.declaration.request,
            searchFields: { [$0.name] },
            basic: { container, _ in
                .compact([("name", .string(container.name)), ("objects", container.objectCount.json), ("bytes", container.bytes.json)])
            },
            detailed: { container, _ in .compact([("last_modified", container.lastModified.json)]) }
        ).definition
    }

    /// `get_objects`: one container's objects, by prefix and optionally one level at a time.
    static var objects: ToolDefinition {
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

    /// `get_object`: one object's metadata, from a HEAD.
    static var object: ToolDefinition {
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
