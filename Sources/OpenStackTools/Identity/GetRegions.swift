import Foundation
import OpenStackKit

/// `get_regions`: Keystone regions (any user may read them), with the services each offers in
/// the token's catalog.
enum GetRegions {
    static var definition: ToolDefinition {
        ListTool<Region>(
            name: "get_regions", title: "List regions",
            description:
                "List Keystone regions with parent; detailed adds the services in each.",
            noun: "region",
            searchFields: { [$0.description] },
            lookups: { cloud, _ in
                // The catalog is already in the token: no request.
                var services: [String: Set<String>] = [:]
                for entry in (try? await cloud.token().catalog.entries) ?? [] {
                    for endpoint in entry.endpoints {
                        if let region = endpoint.regionID ?? endpoint.region { services[region, default: []].insert(entry.type) }
                    }
                }
                var lookups = Lookups()
                lookups.values["region_services"] = services.mapValues { .array($0.sorted().map(JSONValue.string)) }
                return lookups
            },
            basic: { region, _ in
                .compact([
                    ("id", .string(region.id)), ("parent_region_id", region.parentRegionID.json),
                    ("description", region.description.json),
                ])
            },
            detailed: { region, found in
                .compact([("services", found.values["region_services"]?[region.id] ?? .array([]))])
            }
        ).definition
    }
}
