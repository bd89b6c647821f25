import Foundation

/// Keystone federation with an OpenID Connect access token, as keystoneauth's
/// `v3oidcaccesstoken` does it: the token buys an unscoped Keystone token at the identity
/// provider's protocol endpoint, which is then scoped to one of the projects the federation
/// mapping gives the user.
extension KeystoneAuthenticator {
    func federatedToken(_ access: FederatedAccess) async throws -> AuthToken {
        let base = configuration.authURL.absoluteString
        let url = base + access.authPath
        // The web server in front of this path (mod_auth_openidc or the like) validates the token
        // and hands its claims to Keystone, whose mapping turns them into a user and groups.
        let response = try await http.send(
            OutgoingRequest(method: .POST, url: url, headers: [("Authorization", "Bearer " + access.accessToken)]),
            service: "Keystone")
        guard response.status == 201 || response.status == 200 else { throw Self.federationRefusal(response, url: url, access: access) }
        let unscoped = try readToken(response, url: url)
        let project = try await chooseProject(access, token: unscoped.id, base: base)
        let scopeURL = base + "/auth/tokens"
        let body: JSONValue = [
            "auth": [
                "identity": ["methods": ["token"], "token": ["id": .string(unscoped.id)]],
                "scope": ["project": ["id": .string(project.id)]],
            ]
        ]
        let scoped = try await http.send(
            OutgoingRequest(method: .POST, url: scopeURL, body: try JSONEncoder().encode(body)), service: "Keystone")
        guard scoped.status == 201 || scoped.status == 200 else {
            throw OpenStackError(
                kind: scoped.status == 401 ? .scope : .http, service: "Keystone", method: "POST", url: scopeURL,
                status: scoped.status, message: ErrorBody.parse(scoped.body) ?? "Keystone refused to scope the federated token",
                requestID: scoped.requestID,
                nextStep: "give the federated user's group a role on project \(project.name) (openstack role add --group GROUP --project \(project.name) member)")
        }
        return try readToken(scoped, url: scopeURL)
    }

    /// The project to scope to: the one the caller named (by ID or name), else the only one.
    private func chooseProject(_ access: FederatedAccess, token: String, base: String) async throws -> (id: String, name: String) {
        let url = base + "/auth/projects"
        let response = try await http.send(OutgoingRequest(method: .GET, url: url, headers: [("X-Auth-Token", token)]), service: "Keystone")
        guard response.isSuccess, case .array(let items)? = (try? JSONValue.parse(response.body))?["projects"] else {
            throw OpenStackError(
                kind: response.isSuccess ? .decoding : .http, service: "Keystone", url: url, status: response.status,
                message: ErrorBody.parse(response.body) ?? "the federated user's projects could not be read",
                requestID: response.requestID)
        }
        let projects = items.compactMap { item -> (id: String, name: String)? in
            guard let id = item["id"]?.stringValue else { return nil }
            return (id, item["name"]?.stringValue ?? id)
        }
        let names = projects.map(\.name).sorted().joined(separator: ", ")
        guard !projects.isEmpty else {
            throw OpenStackError(
                kind: .scope, service: "Keystone", url: url,
                message: "Keystone's federation mapping gives this user no project (identity provider \(access.identityProvider), protocol \(access.protocolName))",
                nextStep: "the operator must map the token's claims to a group (or user) with a role on a project: openstack mapping set --rules FILE, then openstack role add --group GROUP --project PROJECT member")
        }
        if let wanted = access.project {
            if let match = projects.first(where: { $0.id == wanted }) ?? projects.first(where: { $0.name == wanted }) { return match }
            throw OpenStackError(
                kind: .scope, service: "Keystone", url: url,
                message: "X-OpenStack-Project names '\(wanted)', which is not among this user's projects (\(names))",
                nextStep: "send X-OpenStack-Project with one of: \(names)")
        }
        guard projects.count == 1 else {
            throw OpenStackError(
                kind: .scope, service: "Keystone", url: url,
                message: "this user may read \(projects.count) projects (\(names)) and the request named none",
                nextStep: "send the header X-OpenStack-Project with one of: \(names)")
        }
        return projects[0]
    }

    private static func federationRefusal(_ response: RawResponse, url: String, access: FederatedAccess) -> OpenStackError {
        let message = ErrorBody.parse(response.body)
        switch response.status {
        case 401:
            return OpenStackError(
                kind: .authentication, service: "Keystone", method: "POST", url: url, status: 401,
                message: message ?? "Keystone's federation endpoint refused the access token", requestID: response.requestID,
                nextStep: "get a new access token from the identity provider; if it is fresh, the operator must check that Keystone's identity provider \(access.identityProvider) trusts its issuer and that the mapping matches its claims")
        case 404:
            return OpenStackError(
                kind: .configuration, service: "Keystone", method: "POST", url: url, status: 404,
                message: message ?? "Keystone has no identity provider \(access.identityProvider) with protocol \(access.protocolName)",
                requestID: response.requestID,
                nextStep: "set --federation-idp and --federation-protocol to what `openstack identity provider list` and `openstack federation protocol list --identity-provider IDP` show")
        default:
            return OpenStackError(
                kind: .http, service: "Keystone", method: "POST", url: url, status: response.status,
                message: message ?? "Keystone's federation endpoint failed", requestID: response.requestID)
        }
    }
}
