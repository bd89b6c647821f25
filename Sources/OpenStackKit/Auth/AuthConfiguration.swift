import Foundation

/// How to authenticate to Keystone v3, and which scope to ask for.
public struct AuthConfiguration: Sendable, Equatable {
    /// The Keystone v3 method.
    public enum Method: Sendable, Equatable {
        case password(user: UserReference, password: String)
        case applicationCredential(id: String?, name: String?, secret: String, user: UserReference?)
        case token(String)
        /// An OpenID Connect access token exchanged at Keystone's federation endpoint (a caller's,
        /// with `--identity caller`), then scoped to a project.
        case federated(FederatedAccess)
        /// No identity: the server of `--identity caller` never reads as itself, so this fails.
        case none
    }

    /// A user, by ID or by name within a domain.
    public struct UserReference: Sendable, Equatable {
        public var id: String?
        public var name: String?
        public var domainID: String?
        public var domainName: String?
        public init(id: String? = nil, name: String? = nil, domainID: String? = nil, domainName: String? = nil) {
            self.id = id
            self.name = name
            self.domainID = domainID
            self.domainName = domainName
        }
    }

    /// What the token is scoped to.
    public enum Scope: Sendable, Equatable {
        case project(id: String?, name: String?, domainID: String?, domainName: String?)
        case domain(id: String?, name: String?)
        case system
        case unscoped
    }

    /// Keystone's URL, normalised to end in `/v3`.
    public var authURL: URL
    public var method: Method
    public var scope: Scope

    public init(authURL: URL, method: Method, scope: Scope) {
        self.authURL = authURL
        self.method = method
        self.scope = scope
    }

    /// The secret strings in this configuration, for scrubbing free text.
    public var secrets: [String] {
        switch method {
        case .password(_, let password): return [password]
        case .applicationCredential(_, _, let secret, _): return [secret]
        case .token(let token): return [token]
        case .federated(let access): return [access.accessToken]
        case .none: return []
        }
    }

    /// The auth type name used by openstacksdk (`password`, `v3applicationcredential`, `token`).
    public var typeName: String {
        switch method {
        case .password: return "password"
        case .applicationCredential: return "v3applicationcredential"
        case .token: return "token"
        case .federated: return "v3oidcaccesstoken"
        case .none: return "none"
        }
    }

    /// Accepts `http://host:5000`, `http://host:5000/`, `.../v3` and `.../v3/`, and returns the `/v3` form.
    public static func normalizeAuthURL(_ raw: String) throws -> URL {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw OpenStackError(
                kind: .configuration, service: "keystone",
                message: "the auth URL '\(trimmed)' is not an http(s) URL",
                nextStep: "pass --auth-url like http://keystone.example.com:5000/v3")
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/v2.0") {
            throw OpenStackError(
                kind: .configuration, service: "keystone", message: "Keystone v2.0 is not supported",
                nextStep: "use the Keystone v3 URL, ending in /v3")
        }
        if !path.hasSuffix("/v3") { path += "/v3" }
        var normalized = components
        normalized.path = path
        normalized.query = nil
        return normalized.url!
    }

    /// The JSON body of `POST /v3/auth/tokens`.
    func requestBody() -> JSONValue {
        var identity: [String: JSONValue]
        switch method {
        case .password(let user, let password):
            var userObject = Self.userJSON(user)
            userObject["password"] = .string(password)
            identity = ["methods": ["password"], "password": ["user": .object(userObject)]]
        case .applicationCredential(let id, let name, let secret, let user):
            var credential: [String: JSONValue] = ["secret": .string(secret)]
            if let id { credential["id"] = .string(id) }
            if let name { credential["name"] = .string(name) }
            if let user, id == nil { credential["user"] = .object(Self.userJSON(user)) }
            identity = ["methods": ["application_credential"], "application_credential": .object(credential)]
        case .token(let token):
            identity = ["methods": ["token"], "token": ["id": .string(token)]]
        case .federated, .none:
            // Their token comes from another exchange (KeystoneFederation); never from this body.
            identity = [:]
        }
        var auth: [String: JSONValue] = ["identity": .object(identity)]
        // Application credentials carry their own scope; Keystone rejects an explicit one.
        if case .applicationCredential = method {} else if let scope = scopeJSON() { auth["scope"] = scope }
        return ["auth": .object(auth)]
    }

    private func scopeJSON() -> JSONValue? {
        switch scope {
        case .project(let id, let name, let domainID, let domainName):
            var project: [String: JSONValue] = [:]
            if let id {
                project["id"] = .string(id)
            } else if let name {
                project["name"] = .string(name)
                project["domain"] = Self.domainJSON(id: domainID, name: domainName ?? "Default")
            }
            return ["project": .object(project)]
        case .domain(let id, let name):
            return ["domain": Self.domainJSON(id: id, name: name)]
        case .system:
            return ["system": ["all": true]]
        case .unscoped:
            return nil
        }
    }

    private static func userJSON(_ user: UserReference) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        if let id = user.id {
            object["id"] = .string(id)
        } else {
            object["name"] = .string(user.name ?? "")
            object["domain"] = domainJSON(id: user.domainID, name: user.domainName ?? "Default")
        }
        return object
    }

    private static func domainJSON(id: String?, name: String?) -> JSONValue {
        if let id { return ["id": .string(id)] }
        return ["name": .string(name ?? "Default")]
    }
}
