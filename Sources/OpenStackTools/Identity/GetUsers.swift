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
            extraProperties: Schema.filters(of: User.declaration),
            request: User.declaration.request,
            searchFields: { [$0.name, $0.email] },
            basic: { user, _ in .compact([("id", .string(user.id)), ("name", user.name.json)]) },
            detailed: { user, _ in
                .compact([
                    ("domain_id", user.domainID.json), ("enabled", user.enabled.json), ("email", user.email.json),
                    ("description", user.description.json), ("default_project_id", user.defaultProjectID.json),
                    ("password_expires_at", user.passwordExpiresAt.json),
                ])
            }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_users", reading: "Listing users")
    }
}
