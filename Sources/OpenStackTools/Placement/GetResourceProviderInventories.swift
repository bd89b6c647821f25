import Foundation
import OpenStackKit

/// `get_resource_provider_inventories`: one provider's inventory per resource class (admin).
enum GetResourceProviderInventories {
    static var definition: ToolDefinition {
        ListTool<ProviderInventoryRecord>(
            name: "get_resource_provider_inventories", title: "List a resource provider's inventories",
            description:
                "Inventory of one Placement resource provider per resource class (admin): total, reserved, ratio, capacity, units.",
            noun: "resource class",
            extraProperties: ["provider": ProviderArgument.schema], required: ["provider"],
            request: { arguments in
                var request = try ProviderInventoryRecord.declaration.request(arguments)
                request.path = ProviderInventoryRecord.path(provider: try ProviderArgument.given(arguments))
                return request
            },
            searchFields: { [$0.resourceClass] },
            basic: { record, _ in
                .compact([
                    ("resource_class", .string(record.resourceClass)), ("total", .int(record.entry.total)),
                    ("reserved", .int(record.entry.reserved)), ("allocation_ratio", .double(record.entry.allocationRatio)),
                    ("capacity", .int(record.entry.capacity)),
                ])
            },
            detailed: { record, _ in
                .compact([
                    ("min_unit", record.entry.minUnit.json), ("max_unit", record.entry.maxUnit.json),
                    ("step_size", record.entry.stepSize.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = ProviderInventoryRecord.path(provider: try await ProviderArgument.uuid(arguments, cloud: cloud))
                return request
            },
            parentMissing: ProviderArgument.missing
        ).definition
    }
}
