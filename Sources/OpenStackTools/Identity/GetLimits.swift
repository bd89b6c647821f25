import Foundation
import OpenStackKit

/// `get_limits`: Keystone's unified limits of projects. An admin sees every project's; other
/// users see their own project's, as Keystone filters them.
enum GetLimits {
    static var definition: ToolDefinition {
        ListTool<Limit>(
            name: "get_limits", title: "List unified limits",
            description: "List Keystone unified limits: a project's own limit per service resource.",
            noun: "limit",
            searchFields: { [$0.resourceName, $0.projectID, $0.description] },
            lookups: UnifiedLimits.serviceTypes,
            basic: { limit, _ in
                .compact([
                    ("id", .string(limit.id)), ("project_id", limit.projectID.json), ("service_id", limit.serviceID.json),
                    ("resource_name", limit.resourceName.json), ("resource_limit", limit.resourceLimit.json),
                    ("region_id", limit.regionID.json),
                ])
            },
            detailed: { limit, found in
                .compact([
                    ("service", found.name("service_type", limit.serviceID).json), ("domain_id", limit.domainID.json),
                    ("description", limit.description.json),
                ])
            },
            emptyExplanation: { _ in UnifiedLimits.none }
        ).definition
    }
}
