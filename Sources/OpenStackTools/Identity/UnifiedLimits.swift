import Foundation
import OpenStackKit

/// What the two unified-limit tools share.
enum UnifiedLimits {
    /// The service type of each service ID, from the token's catalog: no request, and no admin
    /// role needed (`/v3/services` is admin only).
    @Sendable static func serviceTypes<Resource>(cloud: OpenStackCloud, _: [Resource]) async -> Lookups {
        var types: [String: JSONValue] = [:]
        for entry in (try? await cloud.token().catalog.entries) ?? [] {
            if let id = entry.id { types[id] = .string(entry.type) }
        }
        var lookups = Lookups()
        lookups.values["service_type"] = types
        return lookups
    }

    /// Said with an empty answer: what no unified limits means.
    static let none =
        "Keystone holds no unified limits here, so each service enforces its own quotas: see get_compute_quotas, get_volume_quotas and get_network_quotas."
}
