import Foundation

/// How the HTTP endpoint authenticates its callers. stdio needs none of it.
public struct HTTPAuthConfiguration: Sendable {
    /// A file with one accepted bearer token per line (`--auth-token-file`), re-read on SIGHUP.
    public var tokenFile: String?
    /// The OAuth 2.1 authorization server whose access tokens are accepted (`--oauth-issuer`).
    public var oauthIssuer: URL?
    /// Audiences a token must name in `aud` (`--oauth-audience`); the first, when it is a URL, is
    /// also this server's resource identifier in its RFC 9728 metadata.
    public var oauthAudiences: [String]
    /// Scopes a token must carry (`--oauth-scope`); without them the answer is 403 insufficient_scope.
    public var oauthScopes: [String]
    /// Where the issuer's keys are; by default found through its RFC 8414 or OpenID metadata.
    public var jwksURL: URL?
    /// Clock skew allowed on `exp` and `nbf`.
    public var leeway: TimeInterval

    public init(
        tokenFile: String? = nil, oauthIssuer: URL? = nil, oauthAudiences: [String] = [], oauthScopes: [String] = [],
        jwksURL: URL? = nil, leeway: TimeInterval = 30
    ) {
        self.tokenFile = tokenFile
        self.oauthIssuer = oauthIssuer
        self.oauthAudiences = oauthAudiences
        self.oauthScopes = oauthScopes
        self.jwksURL = jwksURL
        self.leeway = leeway
    }

    /// True when callers must present a token.
    public var isEnabled: Bool { tokenFile != nil || oauthIssuer != nil }

    /// True for addresses that only this host can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}

/// A configuration problem found at start: one line for the user.
public struct AuthSetupError: Error, CustomStringConvertible {
    public var description: String
}
