import Foundation
import OpenStackKit

/// `get_resource_provider_usages`: what is allocated from one provider, per resource class (admin).
enum GetResourceProviderUsages {
    static var definition: ToolDefinition {
        ListTool<ProviderUsageRecord>(
            name: "get_resource_provider_usages", title: "List a resource provider's usages",
            description: "What is allocated from one Placement resource provider, per resource class (admin).",
            noun: "resource class",
            extraProperties: ["provider": ProviderArgument.schema], required: ["provider"],
            request: { arguments in
                var request = try ProviderUsageRecord.declaration.request(arguments)
                request.path = ProviderUsageRecord.path(provider: try ProviderArgument.given(arguments))
                return request
            },
            searchFields: { [$0.resourceClass] },
            basic: { record, _ in ["resource_class": .string(record.resourceClass), "used": .int(record.used)] },
            detailed: { _, _ in [:] },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = ProviderUsageRecord.path(provider: try await ProviderArgument.uuid(arguments, cloud: cloud))
                return request
            },
            parentMissing: ProviderArgument.missing
        ).definition
    }
}
