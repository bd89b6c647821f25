import Foundation
import OpenStackKit

/// `get_roles`: Keystone's roles (admin), the names that role assignments and policies use.
enum GetRoles {
    static var definition: ToolDefinition {
        let tool = ListTool<Role>(
            name: "get_roles", title: "List roles",
            description: "List Keystone roles (admin).",
            noun: "role",
            searchFields: { [$0.name] },
            basic: { role, _ in .compact([("id", .string(role.id)), ("name", role.name.json)]) },
            detailed: { role, _ in
                .compact([
                    ("domain_id", role.domainID.json), ("description", role.description.json),
                    ("immutable", role.immutable.json),
                ])
            }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_roles", reading: "Listing roles")
    }
}
