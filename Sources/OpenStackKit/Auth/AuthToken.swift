import Foundation

/// A Keystone token and what came with it.
public struct AuthToken: Sendable {
    /// The token itself. A secret: never log or show it.
    public let id: String
    public let expiresAt: Date
    public let issuedAt: Date?
    public let userID: String?
    public let userName: String?
    public let projectID: String?
    public let projectName: String?
    public let roles: [String]
    public let catalog: ServiceCatalog
    /// Who and where, beyond the IDs above: domains, the scope, the auth methods.
    public var identity = TokenIdentity()

    /// True when the token has the admin role.
    public var isAdmin: Bool { roles.contains { $0.lowercased() == "admin" } }

    /// True when the token should be replaced: it expires within `margin`.
    public func isExpiring(within margin: TimeInterval, now: Date = Date()) -> Bool {
        expiresAt.timeIntervalSince(now) < margin
    }
}

/// The body of `POST /v3/auth/tokens`.
public struct TokenResponse: Decodable, Sendable {
    public struct Token: Decodable, Sendable {
        public struct Reference: Decodable, Sendable {
            public var id: String?
            public var name: String?
        }
        public struct Named: Decodable, Sendable {
            public var id: String?
            public var name: String?
            /// The user's or the project's domain.
            public var domain: Reference?
        }
        public var methods: [String]?
        public var expiresAt: String
        public var issuedAt: String?
        public var user: Named?
        public var project: Named?
        public var domain: Named?
        public var roles: [Named]?
        public var catalog: [CatalogEntry]?
        /// `{"all": true}` for a system-scoped token.
        public var system: [String: Bool]?
        /// Present when the token came from an application credential.
        public var applicationCredential: Reference?

        enum CodingKeys: String, CodingKey {
            case methods, user, project, domain, roles, catalog, system
            case expiresAt = "expires_at"
            case issuedAt = "issued_at"
            case applicationCredential = "application_credential"
        }
    }
    public var token: Token
}

/// Parses Keystone's timestamps, with or without fractional seconds.
enum KeystoneDate {
    static func parse(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        // Keystone sometimes omits the zone: treat it as UTC.
        if !text.hasSuffix("Z"), !text.contains("+") { return parse(text + "Z") }
        return nil
    }
}
