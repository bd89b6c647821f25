import Foundation
import OpenStackKit

/// `get_aggregates`: host aggregates with their hosts and metadata (admin).
enum GetAggregates {
    static var definition: ToolDefinition {
        ListTool<Aggregate>(
            name: "get_aggregates", title: "List host aggregates",
            description:
                "List Nova host aggregates (admin): zone, hosts, metadata.",
            noun: "aggregate",
            request: Aggregate.declaration.request,
            searchFields: { [$0.name, $0.availabilityZone, $0.uuid] },
            basic: { aggregate, _ in
                .compact([
                    ("id", .string(aggregate.id)), ("name", aggregate.name.json),
                    ("availability_zone", aggregate.availabilityZone.json),
                ])
            },
            detailed: { aggregate, _ in
                .compact([
                    ("uuid", aggregate.uuid.json), ("hosts", .array(aggregate.hosts.map(JSONValue.string))),
                    ("metadata", .object(aggregate.metadata.mapValues(JSONValue.string))),
                    ("created_at", aggregate.createdAt.json), ("updated_at", aggregate.updatedAt.json),
                ])
            }
        ).definition
    }
}
