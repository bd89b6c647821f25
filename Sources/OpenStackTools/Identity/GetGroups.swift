import Foundation
import OpenStackKit

/// `get_groups`: Keystone groups (admin in most clouds).
enum GetGroups {
    static var definition: ToolDefinition {
        let tool = ListTool<Group>(
            name: "get_groups", title: "List groups",
            description: "List Keystone groups (admin).",
            noun: "group",
            searchFields: { [$0.name, $0.description] },
            basic: { group, _ in .compact([("id", .string(group.id)), ("name", group.name.json)]) },
            detailed: { group, _ in .compact([("domain_id", group.domainID.json), ("description", group.description.json)]) }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_groups", reading: "Listing groups")
    }
}
