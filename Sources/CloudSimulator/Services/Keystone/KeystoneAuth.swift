import Foundation

/// `POST /identity/v3/auth/tokens` (password, application_credential, token) and token validation.
extension KeystoneAPI {
    private var data: DemoData { environment.data }

    private func unauthorized(_ request: IncomingRequest) -> Reply {
        .json(FaultBody.unauthorized, status: 401)
            .adding("WWW-Authenticate", "Keystone uri=\"\(request.baseURL)/identity\"")
    }

    func issueToken(_ request: IncomingRequest) -> Reply {
        guard let root = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let auth = root["auth"] as? [String: Any], let identity = auth["identity"] as? [String: Any],
            let methods = identity["methods"] as? [String], let method = methods.first
        else {
            return error(400, "Expecting to find auth in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.", request)
        }
        let scope = auth["scope"] as? [String: Any]
        let now = environment.now
        var expiresAt = now.addingTimeInterval(environment.configuration.tokenLifetime)
        let user: DemoUser
        var project: DemoProject?
        var scopeKind = TokenScope.project
        var credential: DemoApplicationCredential?

        switch method {
        case "password":
            guard let userBody = (identity["password"] as? [String: Any])?["user"] as? [String: Any],
                let found = findUser(userBody), found.enabled, (userBody["password"] as? String) == found.password
            else { return unauthorized(request) }
            user = found
        case "application_credential":
            guard let body = identity["application_credential"] as? [String: Any],
                let found = data.applicationCredentials.first(where: { cred in
                    if let id = body["id"] as? String { return cred.id == id }
                    return cred.name == body["name"] as? String
                }),
                (body["secret"] as? String) == found.secret, !environment.state.isRevoked(credential: found.id),
                let owner = data.users.first(where: { $0.id == found.userID })
            else { return unauthorized(request) }
            user = owner
            credential = found
            project = data.projects.first { $0.id == found.projectID }
        case "token":
            guard let id = (identity["token"] as? [String: Any])?["id"] as? String,
                let existing = environment.state.validToken(id, now: now)
            else { return unauthorized(request) }
            user = existing.user
            project = existing.project
            scopeKind = existing.scope
            expiresAt = existing.expiresAt
        default:
            return unauthorized(request)
        }

        if credential == nil {
            if let scope {
                if let body = scope["project"] as? [String: Any] {
                    guard let scoped = findProject(body) else { return unauthorized(request) }
                    project = scoped
                    scopeKind = .project
                } else if let body = scope["domain"] as? [String: Any] {
                    guard matchesDomain(body) else { return unauthorized(request) }
                    project = nil
                    scopeKind = .domain
                } else if (scope["system"] as? [String: Any])?["all"] as? Bool == true {
                    project = nil
                    scopeKind = .system
                } else {
                    return error(400, "The scope of the request is not one of project, domain or system.", request)
                }
            } else if method == "password" {
                project = defaultProject(of: user)
            }
        }
        let explicit: [String]
        switch scopeKind {
        case .project:
            guard let project else { return unauthorized(request) }
            explicit = credential?.roles ?? user.roles(onProject: project.id)
        case .domain: explicit = user.domainRoles
        case .system: explicit = user.systemRoles
        // Only a federated token stays unscoped; rescoping it asks for a project.
        case .unscoped: return error(400, "An unscoped token cannot be issued this way; name a project in the scope.", request)
        }
        guard !explicit.isEmpty else { return unauthorized(request) }

        let token = TokenRecord(
            id: Self.newTokenID(), user: user, project: project, scope: scopeKind, roles: effectiveRoles(explicit),
            methods: [method], issuedAt: now, expiresAt: expiresAt,
            auditIDs: [String(Self.newTokenID().suffix(22))], applicationCredential: credential
        )
        environment.state.store(token)
        return Reply.json(tokenBody(token, request, withCatalog: !request.query.has("nocatalog")), status: 201)
            .adding("X-Subject-Token", token.id)
    }

    func validateToken(_ request: IncomingRequest) -> Reply {
        guard let subject = request.header("X-Subject-Token"), let token = environment.state.validToken(subject, now: environment.now) else {
            return error(404, "Could not find token: \(request.header("X-Subject-Token") ?? "").", request)
        }
        return Reply.json(tokenBody(token, request, withCatalog: !request.query.has("nocatalog")))
            .adding("X-Subject-Token", token.id)
    }

    func tokenBody(_ token: TokenRecord, _ request: IncomingRequest, withCatalog: Bool) -> JSON {
        let domain: JSON = ["id": .string(DemoCloud.domainID), "name": .string(DemoCloud.domainName)]
        var body: JSON = [
            "methods": JSON.strings(token.methods),
            "user": [
                "domain": domain, "id": .string(token.user.id), "name": .string(token.user.name),
                "password_expires_at": nil,
            ],
            "audit_ids": JSON.strings(token.auditIDs),
            "expires_at": .string(Timestamp.format(token.expiresAt, .microsecondsZ)),
            "issued_at": .string(Timestamp.format(token.issuedAt, .microsecondsZ)),
            "is_domain": false,
            "roles": .array(token.roles.map { ["id": .string($0.id), "name": .string($0.name)] }),
        ]
        switch token.scope {
        case .project:
            if let project = token.project {
                body.set("project", ["domain": domain, "id": .string(project.id), "name": .string(project.name)])
            }
        case .domain: body.set("domain", domain)
        case .system: body.set("system", ["all": true])
        case .unscoped: break
        }
        if let credential = token.applicationCredential {
            body.set("application_credential", ["id": .string(credential.id), "name": .string(credential.name), "restricted": true])
        }
        if withCatalog { body.set("catalog", catalog(request, projectID: token.project?.id)) }
        return ["token": body]
    }

    private func findUser(_ body: [String: Any]) -> DemoUser? {
        if let id = body["id"] as? String { return data.users.first { $0.id == id } }
        guard let name = body["name"] as? String, matchesDomain(body["domain"] as? [String: Any]) else { return nil }
        return data.users.first { $0.name == name }
    }

    private func findProject(_ body: [String: Any]?) -> DemoProject? {
        guard let body else { return nil }
        if let id = body["id"] as? String { return data.projects.first { $0.id == id } }
        guard let name = body["name"] as? String, matchesDomain(body["domain"] as? [String: Any]) else { return nil }
        return data.projects.first { $0.name == name }
    }

    private func matchesDomain(_ domain: [String: Any]?) -> Bool {
        guard let domain else { return false }
        if let id = domain["id"] as? String { return id == DemoCloud.domainID }
        return (domain["name"] as? String) == DemoCloud.domainName
    }

    private func defaultProject(of user: DemoUser) -> DemoProject? {
        let name = user.name == DemoCloud.adminUser ? DemoCloud.adminProject : DemoCloud.memberProject
        return data.project(named: name)
    }

    /// Explicit roles plus the implied ones (admin ⇒ member ⇒ reader), as Keystone lists them.
    private func effectiveRoles(_ explicit: [String]) -> [DemoRole] {
        var names = Set(explicit)
        if names.contains("admin") { names.insert("member") }
        if names.contains("member") { names.insert("reader") }
        return data.roles.filter { names.contains($0.name) }
    }

    private static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A random, opaque, Fernet-looking token id.
    static func newTokenID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "gAAAAA" + String((0..<180).map { _ in tokenAlphabet[Int(generator.next() % 64)] })
    }
}
