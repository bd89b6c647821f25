import Foundation
import OpenStackKit

/// `get_metric_resources`: Gnocchi resources of one type; an `instance` resource's ID is the
/// Nova server's, so `server_id` finds a server's metrics.
enum GetMetricResources {
    static var definition: ToolDefinition {
        ListTool<MetricResource>(
            name: "get_metric_resources", title: "List metric resources",
            description: "List Gnocchi resources by type (instance = a Nova server), with their metric names.",
            noun: "resource",
            extraProperties: [
                "type": Schema.string("Resource type, e.g. instance, instance_disk, generic (default)"),
                "server_id": Schema.string("Only the resource of this Nova server (its ID)"),
                "original_resource_id": Schema.string("Only the resource with this original ID"),
            ],
            searchFields: { [$0.displayName, $0.originalResourceID, $0.type] },
            basic: { resource, _ in
                .compact([
                    ("id", .string(resource.id)), ("type", resource.type.json), ("name", resource.displayName.json),
                    ("metrics", .array(resource.metrics.keys.sorted().map(JSONValue.string))),
                ])
            },
            detailed: { resource, _ in
                .compact([
                    ("original_resource_id", resource.originalResourceID.json), ("project_id", resource.projectID.json),
                    ("started_at", resource.startedAt.json), ("ended_at", resource.endedAt.json),
                    ("metric_ids", .object(resource.metrics.mapValues(JSONValue.string))),
                    ("host", resource.raw["host"]), ("flavor_name", resource.raw["flavor_name"]),
                ])
            },
            prepare: { _, arguments, request in
                var request = request
                let type = try arguments.string("type") ?? "generic"
                guard type.range(of: #"^[A-Za-z0-9_\-]+$"#, options: .regularExpression) != nil else {
                    throw ToolArgumentError(argument: "type", problem: "'\(type)' is not a resource type name; e.g. instance or generic")
                }
                request.path = MetricResource.path(type: type)
                // Gnocchi's list takes no filter (its search is a POST); one resource is read by
                // its ID, which for an instance is the server's, or by its original ID.
                if let key = try arguments.string("server_id") ?? arguments.string("original_resource_id") {
                    request.path = ResourcePath("resource", type).appending(key).description
                    request.supportsPaging = false
                    request.extractItems = { $0.objectValue != nil ? [$0] : [] }
                }
                return request
            },
            parentMissing: { arguments in
                let type = (try? arguments.string("type")) ?? "generic"
                if let key = ((try? arguments.string("server_id")) ?? nil) ?? ((try? arguments.string("original_resource_id")) ?? nil) {
                    return ("Gnocchi has no \(type) resource '\(key)'",
                            "a server nothing measures has none; get_metric_resources with type \(type) lists those that exist")
                }
                return ("Gnocchi has no resource type '\(type)'", "use a type Gnocchi knows, such as generic or instance")
            }
        ).definition
    }
}
