import Foundation
import OpenStackKit

/// `get_metrics`: Gnocchi metrics, of one resource (a server's ID for its instance) or by name.
enum GetMetrics {
    static var definition: ToolDefinition {
        ListTool<GnocchiMetric>(
            name: "get_metrics", title: "List metrics",
            description: "List Gnocchi metrics of a resource or by name: unit, archive policy.",
            noun: "metric",
            searchFields: { [$0.name, $0.unit] },
            basic: { metric, _ in
                .compact([
                    ("id", .string(metric.id)), ("name", metric.name.json), ("unit", metric.unit.json),
                    ("resource_id", metric.resourceID.json),
                ])
            },
            detailed: { metric, _ in
                .compact([("archive_policy", metric.archivePolicyName.json), ("creator", metric.raw["creator"])])
            },
            prepare: { _, arguments, request in
                // Gnocchi's metric list ignores resource_id: a resource's metrics are its own
                // collection, all in one answer, where name and unit are matched here.
                guard let resource = try arguments.string("resource_id") else { return request }
                let name = try arguments.string("name"), unit = try arguments.string("unit")
                var request = request
                request.path = ResourcePath("resource", "generic").appending(resource).appending(literal: "metric").description
                request.query = []
                request.supportsPaging = false
                request.extractItems = { json in
                    (json.arrayValue ?? []).filter { metric in
                        (name == nil || metric["name"]?.stringValue == name) && (unit == nil || metric["unit"]?.stringValue == unit)
                    }
                }
                return request
            },
            parentMissing: { arguments in
                guard let resource = (try? arguments.string("resource_id")) ?? nil else {
                    return ("this Gnocchi serves no metric list", "ask the cloud's operators whether Gnocchi is enabled")
                }
                return ("Gnocchi has no resource '\(resource)'", "get_metric_resources lists them; a server's resource has the server's ID")
            }
        ).definition
    }
}
