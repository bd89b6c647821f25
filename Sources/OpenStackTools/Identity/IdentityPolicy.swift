import Foundation
import OpenStackKit

/// Explains Keystone's 403 on the admin-only reads: which policy and role the call needs, and
/// what the caller's token has, so that the answer says what to do next.
enum IdentityPolicy {
    /// Wraps a tool so that a 403 from Keystone names `identity:<action>` and the admin role.
    static func explainingForbidden(_ inner: ToolDefinition, action: String, reading: String) -> ToolDefinition {
        ToolDefinition(
            name: inner.name, title: inner.title, description: inner.description, inputSchema: inner.inputSchema,
            outputSchema: inner.outputSchema, cloudScoped: inner.cloudScoped
        ) { context, arguments in
            do {
                return try await inner.handler(context, arguments)
            } catch var error as OpenStackError where error.status == 403 {
                let cloud = try? context.clouds.cloud(named: try? arguments.string("cloud"))
                let token = try? await cloud?.token()
                var held = ""
                if let token {
                    let roles = token.roles.isEmpty ? "no roles" : "roles " + token.roles.joined(separator: ", ")
                    held = "; this account (\(token.userName ?? "?")) has \(roles) on project \(token.projectName ?? token.projectID ?? "?")"
                }
                // Name the policy Keystone refused (a name lookup may be refused before the list itself).
                let refused = error.message.range(of: #"identity:[a-z_]+"#, options: .regularExpression)
                let policy = refused.map { String(error.message[$0]) } ?? "identity:\(action)"
                error.nextStep =
                    "\(reading) needs the admin role in Keystone (policy \(policy))\(held). Ask a cloud admin, or configure an account with the admin role"
                throw error
            }
        }
    }
}
