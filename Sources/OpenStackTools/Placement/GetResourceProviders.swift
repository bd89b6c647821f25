import Foundation
import OpenStackKit

/// `get_resource_providers`: Placement resource providers with their inventories and usage (admin).
enum GetResourceProviders {
    static var definition: ToolDefinition {
        ListTool<ResourceProvider>(
            name: "get_resource_providers", title: "List Placement resource providers",
            description:
                "List Placement resource providers (admin); detailed adds per resource class the capacity, use and free amount.",
            noun: "resource provider",
            extraProperties: [
                "name": Schema.string("Only the provider with this exact name."),
                "uuid": Schema.string("Only the provider with this UUID."),
                "in_tree": Schema.string("Only providers in the tree of this provider UUID."),
                "member_of": Schema.string("Only providers in this aggregate UUID, or in any of 'in:UUID1,UUID2'."),
                "resources": Schema.string("Only providers with this much free capacity, e.g. 'VCPU:4,MEMORY_MB:8192'."),
                "required": Schema.string("Only providers with these traits (comma-separated; '!TRAIT' forbids one), e.g. 'HW_CPU_X86_AVX2,!COMPUTE_STATUS_DISABLED'."),
            ],
            request: { arguments in
                var query: [URLQueryItem] = []
                for key in ["name", "uuid", "in_tree", "member_of", "resources", "required"] {
                    if let value = try arguments.string(key) { query.append(URLQueryItem(name: key, value: value)) }
                }
                // Placement does not page resource providers.
                return ListRequest(
                    service: .placement, path: "/resource_providers", collectionKey: "resource_providers", query: query,
                    supportsPaging: false, markerField: "uuid")
            },
            searchFields: { [$0.name, $0.uuid] },
            lookups: { cloud, providers in
                let entries = await ProviderUsageLookup.fetch(cloud: cloud, uuids: providers.map(\.uuid))
                var extra: [String: JSONValue] = [:]
                for (uuid, entry) in entries {
                    extra[uuid] = .object([
                        "resources": ProviderUsageLookup.classes(entry),
                        "inventories": entry.inventory.raw["inventories"] ?? .null,
                        "usages": entry.usages.raw["usages"] ?? .null,
                    ])
                }
                return Lookups(values: ["placement": extra])
            },
            basic: { provider, _ in
                .compact([
                    ("uuid", .string(provider.uuid)), ("name", provider.name.json), ("generation", provider.generation.json),
                ])
            },
            detailed: { provider, found in
                .compact([
                    ("parent_provider_uuid", provider.parentProviderUUID.json),
                    ("root_provider_uuid", provider.rootProviderUUID.json),
                    ("resources", found.values["placement"]?[provider.uuid]?["resources"]),
                ])
            },
            lookupLevels: [.detailed, .full],
            full: { provider, found in
                guard case .object(var members) = provider.raw, let extra = found.values["placement"]?[provider.uuid] else { return provider.raw }
                members["inventories"] = extra["inventories"]
                members["usages"] = extra["usages"]
                return .object(members)
            }
        ).definition
    }
}
