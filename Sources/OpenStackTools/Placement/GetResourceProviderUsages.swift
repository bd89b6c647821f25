import Foundation
import OpenStackKit

/// `get_resource_provider_usages`: what is allocated from one provider, per resource class
/// (admin); detailed adds the capacity and what is free, from one read of its inventories.
enum GetResourceProviderUsages {
    static var definition: ToolDefinition {
        ListTool<ProviderUsageRecord>(
            name: "get_resource_provider_usages", title: "List a resource provider's usages",
            description:
                "Usage of one Placement resource provider per resource class (admin); detailed adds capacity and free.",
            noun: "resource class",
            extraProperties: ["provider": ProviderArgument.schema], required: ["provider"],
            request: { arguments in
                var request = try ProviderUsageRecord.declaration.request(arguments)
                request.path = ProviderUsageRecord.path(provider: try ProviderArgument.given(arguments))
                return request
            },
            searchFields: { [$0.resourceClass] },
            lookups: { cloud, records in
                guard let provider = records.first?.providerUUID,
                    let answer = try? await cloud.get(.placement, path: ProviderInventoryRecord.path(provider: provider)),
                    let inventory = try? ResourceProviderInventory(json: answer.json)
                else { return Lookups() }
                return Lookups(values: ["capacity": inventory.classes.mapValues { .int($0.capacity) }])
            },
            basic: { record, _ in ["resource_class": .string(record.resourceClass), "used": .int(record.used)] },
            detailed: { record, found in
                let capacity = found.values["capacity"]?[record.resourceClass]?.intValue
                return .compact([("capacity", capacity.json), ("free", capacity.map { .int($0 - record.used) })])
            },
            prepare: { cloud, arguments, request in
                var request = request
                let provider = try await ProviderArgument.uuid(arguments, cloud: cloud)
                request.path = ProviderUsageRecord.path(provider: provider)
                request.extractItems = ProviderUsageRecord.items(provider: provider)
                return request
            },
            lookupLevels: [.detailed],
            parentMissing: ProviderArgument.missing
        ).definition
    }
}
