import Foundation

/// Who a token speaks for, beyond its user and project IDs: their domains, what it is scoped to
/// (a project, a domain, the system, or nothing), its roles' IDs, how it was obtained and
/// exactly when it expires, as Keystone wrote them. Never the token itself.
public struct TokenIdentity: Sendable, Equatable {
    /// An ID with its name, either of which Keystone may leave out.
    public struct Reference: Sendable, Equatable {
        public var id: String?
        public var name: String?
    }

    /// What a token is scoped to.
    public enum Scope: String, Sendable {
        case project, domain, system, unscoped
    }

    public var userDomain: Reference?
    public var projectDomain: Reference?
    /// The domain of a domain-scoped token.
    public var domain: Reference?
    /// The system scope (`all`) of a system-scoped token.
    public var system: String?
    public var roleIDs: [String] = []
    /// `password`, `application_credential`, `token`, ...
    public var methods: [String] = []
    /// The application credential the token came from, never its secret.
    public var applicationCredential: Reference?
    /// `expires_at` and `issued_at` exactly as Keystone wrote them.
    public var expiresAt: String?
    public var issuedAt: String?
    public var scope: Scope = .unscoped

    public init() {}

    init(_ token: TokenResponse.Token) {
        let reference = { (value: TokenResponse.Token.Reference?) in value.map { Reference(id: $0.id, name: $0.name) } }
        userDomain = reference(token.user?.domain)
        projectDomain = reference(token.project?.domain)
        domain = token.domain.map { Reference(id: $0.id, name: $0.name) }
        system = token.system?.filter(\.value).keys.sorted().first
        roleIDs = (token.roles ?? []).compactMap(\.id)
        methods = token.methods ?? []
        applicationCredential = reference(token.applicationCredential)
        expiresAt = token.expiresAt
        issuedAt = token.issuedAt
        scope = token.project != nil ? .project : token.domain != nil ? .domain : system != nil ? .system : .unscoped
    }
}
