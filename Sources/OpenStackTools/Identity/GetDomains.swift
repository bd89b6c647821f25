import Foundation
import OpenStackKit

/// `get_domains`: Keystone domains (admin), paged with limit and marker.
enum GetDomains {
    static var definition: ToolDefinition {
        let tool = ListTool<Domain>(
            name: "get_domains", title: "List domains",
            description: "List Keystone domains (admin).",
            noun: "domain",
            searchFields: { [$0.name] },
            basic: { domain, _ in
                .compact([("id", .string(domain.id)), ("name", domain.name.json), ("enabled", domain.enabled.json)])
            },
            detailed: { domain, _ in
                .compact([("description", domain.description.json), ("tags", domain.raw["tags"])])
            }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_domains", reading: "Listing domains")
    }
}
