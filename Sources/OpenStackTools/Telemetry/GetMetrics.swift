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
            }
        ).definition
    }
}
