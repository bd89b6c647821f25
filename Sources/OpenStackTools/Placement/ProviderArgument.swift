import Foundation
import OpenStackKit

/// The `provider` argument of the per-provider Placement tools: a UUID, or a provider's exact
/// name (Nova names a compute node's provider after its hypervisor hostname).
enum ProviderArgument {
    static let schema = Schema.string("Provider UUID or name")

    /// The UUID as given, or the UUID of the provider with that name (one name lookup).
    static func uuid(_ arguments: ToolArguments, cloud: OpenStackCloud) async throws -> String {
        let key = try given(arguments)
        if UUID(uuidString: key) != nil { return key.lowercased() }
        return try await finder.find(key, cloud: cloud, tryID: false).uuid
    }

    static func given(_ arguments: ToolArguments) throws -> String {
        guard let key = try arguments.string("provider") else {
            throw ToolArgumentError(argument: "provider", problem: "required: a resource provider UUID or name (get_resource_providers)")
        }
        return key
    }

    /// What a 404 on a provider's sub-collection means: there is no such provider.
    static func missing(_ arguments: ToolArguments) -> (message: String, nextStep: String) {
        ("no resource provider has the UUID '\((try? given(arguments)) ?? "")'",
         "list the providers with get_resource_providers, or pass a provider's exact name")
    }

    /// Provider names by UUID, from one read of the provider list; empty when it fails.
    static func names(cloud: OpenStackCloud) async -> [String: String] {
        guard let listed = try? await cloud.list(ResourceProvider.self, limit: 1000) else { return [:] }
        return Dictionary(listed.items.compactMap { provider in provider.name.map { (provider.uuid, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    private static let finder = ShowTool<ResourceProvider>(
        name: "get_resource_providers", title: "", description: "", noun: "resource provider", nameOf: { $0.name },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
