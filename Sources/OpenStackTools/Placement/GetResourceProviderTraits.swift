import Foundation
import OpenStackKit

/// `get_resource_provider_traits`: the traits of one resource provider (admin).
enum GetResourceProviderTraits {
    static var definition: ToolDefinition {
        ListTool<ProviderTrait>(
            name: "get_resource_provider_traits", title: "List a resource provider's traits",
            description:
                "Traits of one Placement resource provider (admin), e.g. HW_CPU_X86_AVX2, CUSTOM_*.",
            noun: "trait",
            extraProperties: ["provider": ProviderArgument.schema], required: ["provider"],
            request: { arguments in
                var request = try ProviderTrait.declaration.request(arguments)
                request.path = ProviderTrait.path(provider: try ProviderArgument.given(arguments))
                return request
            },
            searchFields: { [$0.name] },
            basic: { trait, _ in ["name": .string(trait.name)] },
            detailed: { trait, _ in ["custom": .bool(trait.isCustom)] },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = ProviderTrait.path(provider: try await ProviderArgument.uuid(arguments, cloud: cloud))
                return request
            },
            parentMissing: ProviderArgument.missing
        ).definition
    }
}
