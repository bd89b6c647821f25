import Foundation
import OpenStackKit

/// `get_registered_limits`: the defaults of Keystone's unified limits (any user may read them).
enum GetRegisteredLimits {
    static var definition: ToolDefinition {
        ListTool<RegisteredLimit>(
            name: "get_registered_limits", title: "List registered limits",
            description: "List Keystone registered limits: each service resource's default limit.",
            noun: "registered limit",
            searchFields: { [$0.resourceName, $0.description] },
            lookups: UnifiedLimits.serviceTypes,
            basic: { limit, _ in
                .compact([
                    ("id", .string(limit.id)), ("service_id", limit.serviceID.json),
                    ("resource_name", limit.resourceName.json), ("default_limit", limit.defaultLimit.json),
                    ("region_id", limit.regionID.json),
                ])
            },
            detailed: { limit, found in
                .compact([
                    ("service", found.name("service_type", limit.serviceID).json), ("description", limit.description.json),
                ])
            },
            emptyExplanation: { _ in UnifiedLimits.none }
        ).definition
    }
}
