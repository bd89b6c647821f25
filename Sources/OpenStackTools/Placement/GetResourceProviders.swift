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
