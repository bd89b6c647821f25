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
                "original_resource_id": Schema.string(""),
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
                // Gnocchi's list takes its search syntax in `filter`; quotes inside a value are doubled.
                var clauses: [String] = []
                if let server = try arguments.string("server_id") { clauses.append("id='\(quoted(server))'") }
                if let original = try arguments.string("original_resource_id") {
                    clauses.append("original_resource_id='\(quoted(original))'")
                }
                if !clauses.isEmpty { request.query.append(URLQueryItem(name: "filter", value: clauses.joined(separator: " and "))) }
                return request
            },
            parentMissing: { arguments in
                ("Gnocchi has no resource type '\((try? arguments.string("type")) ?? "generic")'",
                 "use a type Gnocchi knows, such as generic or instance")
            }
        ).definition
    }

    static func quoted(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}
