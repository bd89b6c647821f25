import Foundation
import OpenStackKit

/// `get_users`: Keystone users (admin), paged with limit and marker. Keystone never returns passwords.
enum GetUsers {
    static var definition: ToolDefinition {
        let tool = ListTool<User>(
            name: "get_users", title: "List users",
            description:
                "List Keystone users (admin): domain, enabled, e-mail, default project.",
            noun: "user",
            searchFields: { [$0.name, $0.email] },
            basic: { user, _ in basicColumns(user) },
            detailed: { user, _ in detailedColumns(user) }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_users", reading: "Listing users")
    }

    static func basicColumns(_ user: User) -> [String: JSONValue] {
        .compact([("id", .string(user.id)), ("name", user.name.json)])
    }

    static func detailedColumns(_ user: User) -> [String: JSONValue] {
        .compact([
            ("domain_id", user.domainID.json), ("enabled", user.enabled.json), ("email", user.email.json),
            ("description", user.description.json), ("default_project_id", user.defaultProjectID.json),
            ("password_expires_at", user.passwordExpiresAt.json),
        ])
    }
}
