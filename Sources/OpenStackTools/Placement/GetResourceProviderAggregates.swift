import Foundation
import OpenStackKit

/// `get_resource_provider_aggregates`: the aggregates of one resource provider (admin), named
/// after Nova's host aggregate of the same UUID where there is one.
enum GetResourceProviderAggregates {
    static var definition: ToolDefinition {
        ListTool<ProviderAggregate>(
            name: "get_resource_provider_aggregates", title: "List a resource provider's aggregates",
            description:
                "Aggregates of one Placement resource provider (admin); detailed adds the Nova host aggregate.",
            noun: "aggregate",
            extraProperties: ["provider": ProviderArgument.schema], required: ["provider"],
            request: { arguments in
                var request = try ProviderAggregate.declaration.request(arguments)
                request.path = ProviderAggregate.path(provider: try ProviderArgument.given(arguments))
                return request
            },
            searchFields: { [$0.uuid] },
            lookups: { cloud, _ in
                // One read of Nova's aggregates; Placement knows only the UUIDs.
                guard let listed = try? await cloud.list(Aggregate.self, limit: 1000) else { return Lookups() }
                var found: [String: JSONValue] = [:]
                for aggregate in listed.items {
                    guard let uuid = aggregate.uuid else { continue }
                    found[uuid] = .object(.compact([
                        ("name", aggregate.name.json), ("availability_zone", aggregate.availabilityZone.json),
                        ("metadata", .object(aggregate.metadata.mapValues(JSONValue.string))),
                    ]))
                }
                return Lookups(values: ["aggregate": found])
            },
            basic: { aggregate, _ in ["uuid": .string(aggregate.uuid)] },
            detailed: { aggregate, found in .compact([("nova_aggregate", found.values["aggregate"]?[aggregate.uuid])]) },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = ProviderAggregate.path(provider: try await ProviderArgument.uuid(arguments, cloud: cloud))
                return request
            },
            lookupLevels: [.detailed],
            parentMissing: ProviderArgument.missing
        ).definition
    }
}
