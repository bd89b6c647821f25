import Foundation

/// Keystone federation with OpenID Connect access tokens (`POST /v3/OS-FEDERATION/identity_providers/
/// {idp}/protocols/{protocol}/auth`), and `GET /v3/auth/projects`, the projects a token may scope to.
///
/// The mapping is the demo's own: the token's `sub` is a demo user's name. The signature is not
/// checked here: in a real deployment the web server in front of this path does that.
extension KeystoneAPI {
    static func isFederationPath(_ path: [String]) -> Bool {
        path.count == 7 && path[0] == "v3" && path[1] == "OS-FEDERATION" && path[2] == "identity_providers"
            && path[4] == "protocols" && path[6] == "auth"
    }

    func federatedAuth(_ request: IncomingRequest, identityProvider: String, protocolName: String) -> Reply {
        guard identityProvider == DemoCloud.federationIdentityProvider else {
            return error(404, "Could not find Identity Provider: \(identityProvider).", request)
        }
        guard protocolName == DemoCloud.federationProtocol else {
            return error(404, "Could not find federated protocol \(protocolName) for Identity Provider: \(identityProvider).", request)
        }
        let now = environment.now
        guard let claims = Self.claims(of: request.header("Authorization")),
            let expiry = claims["exp"] as? Double, expiry > now.timeIntervalSince1970,
            environment.configuration.federationIssuer.map({ $0 == claims["iss"] as? String }) ?? true,
            let subject = claims["sub"] as? String,
            let user = environment.data.users.first(where: { $0.name == subject && $0.enabled })
        else {
            return .json(FaultBody.unauthorized, status: 401)
        }
        let token = TokenRecord(
            id: Self.newTokenID(), user: user, project: nil, scope: .unscoped, roles: [], methods: ["openid"],
            issuedAt: now, expiresAt: now.addingTimeInterval(environment.configuration.tokenLifetime),
            auditIDs: [String(Self.newTokenID().suffix(22))], applicationCredential: nil)
        environment.state.store(token)
        return Reply.json(tokenBody(token, request, withCatalog: false), status: 201).adding("X-Subject-Token", token.id)
    }

    /// `GET /v3/auth/projects`: the projects where the token's user has a role.
    func scopableProjects(_ request: IncomingRequest) -> Reply {
        guard let user = request.token?.user else { return .json(FaultBody.unauthorized, status: 401) }
        let projects = environment.data.projects.filter { !user.roles(onProject: $0.id).isEmpty }
        let items: [JSON] = projects.map { project in
            [
                "id": .string(project.id), "name": .string(project.name), "domain_id": .string(DemoCloud.domainID),
                "enabled": true, "is_domain": false,
                "links": ["self": .string(request.baseURL + "/identity/v3/projects/" + project.id)],
            ]
        }
        return .json(["projects": .array(items), "links": listLinks(request)])
    }

    /// The payload of `Authorization: Bearer <JWT>`, unverified (see the type's note).
    static func claims(of header: String?) -> [String: Any]? {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return nil }
        let parts = header.dropFirst(7).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
