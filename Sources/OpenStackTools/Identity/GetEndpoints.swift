import Foundation
import OpenStackKit

/// `get_endpoints`: Keystone endpoints (admin) with their service's name and type, resolved
/// with one `/services` request for the whole answer.
enum GetEndpoints {
    static var definition: ToolDefinition {
        let tool = ListTool<Endpoint>(
            name: "get_endpoints", title: "List endpoints",
            description:
                "List Keystone endpoints (admin): service, interface, region, URL.",
            noun: "endpoint URL",
            searchFields: { [$0.url, $0.region] },
            lookups: { cloud, _ in
                var lookups = Lookups()
                guard let response = try? await cloud.get(.identity, path: "/services"),
                    let services = try? IdentityService.list(from: response.json)
                else { return lookups }
                lookups.values["service"] = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0.name.json ?? .null) })
                lookups.values["service_type"] = Dictionary(uniqueKeysWithValues: services.map { ($0.id, .string($0.type)) })
                return lookups
            },
            basic: { endpoint, found in
                .compact([
                    ("id", .string(endpoint.id)), ("region", endpoint.region.json),
                    ("service_name", found.name("service", endpoint.serviceID).json),
                    ("service_type", found.name("service_type", endpoint.serviceID).json),
                    ("enabled", endpoint.enabled.json), ("interface", .string(endpoint.interface)), ("url", .string(endpoint.url)),
                ])
            },
            detailed: { endpoint, _ in
                .compact([("service_id", endpoint.serviceID.json), ("region_id", endpoint.raw.text("region_id").json)])
            }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_endpoints", reading: "Listing endpoints")
    }
}
