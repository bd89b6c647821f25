import Foundation
import OpenStackKit

/// `get_application_credentials`: the application credentials of the token's own user, as
/// Keystone lets every user read their own. Never a secret: Keystone shows it only on creation,
/// and the declaration's inventory masks it at every detail level all the same.
enum GetApplicationCredentials {
    static var definition: ToolDefinition {
        ListTool<ApplicationCredential>(
            name: "get_application_credentials", title: "List my application credentials",
            description: "List this account's own Keystone application credentials (never the secret).",
            noun: "application credential",
            searchFields: { [$0.name, $0.description] },
            basic: { credential, _ in
                .compact([
                    ("id", .string(credential.id)), ("name", credential.name.json),
                    ("project_id", credential.projectID.json), ("description", credential.description.json),
                    ("expires_at", credential.expiresAt.json ?? .null),
                ])
            },
            detailed: { credential, _ in
                .compact([
                    ("roles", .array(credential.roles.compactMap { ($0.name ?? $0.id).map(JSONValue.string) })),
                    ("unrestricted", credential.unrestricted.json), ("access_rules", .array(credential.accessRules)),
                ])
            },
            prepare: { cloud, _, request in
                guard let user = try await cloud.token().userID else {
                    throw OpenStackError(
                        kind: .http, service: "keystone", method: "GET", url: "/users/{user_id}/application_credentials",
                        message: "the token names no user, so there are no own application credentials to list",
                        nextStep: "authenticate as a user (password or application credential)")
                }
                var request = request
                request.path = ApplicationCredential.path(user: user)
                return request
            }
        ).definition
    }
}
