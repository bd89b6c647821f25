import OpenStackKit

/// Where an API does not refuse a user without the admin role but quietly narrows the answer
/// (Cinder ignores `all_tenants`, Neutron hides agents), the tool refuses instead, so that a
/// partial or empty answer is never shown as the whole truth.
enum AdminRole {
    /// Throws a clear error unless the token has the admin role.
    static func require(_ cloud: OpenStackCloud, service: String, url: String, because reason: String) async throws {
        let token = try await cloud.token()
        guard !token.isAdmin else { return }
        throw OpenStackError(
            kind: .http, service: service, url: url,
            message: "\(reason) (this account's roles: \(token.roles.sorted().joined(separator: ", ")))",
            nextStep: "this needs the admin role; ask a cloud admin or use an admin account")
    }
}
