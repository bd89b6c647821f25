import Foundation
import JWTKit
import Logging

/// Checks OAuth 2.1 access tokens (JWTs, RFC 9068) as a resource server: the signature against
/// the issuer's JWKS, then `iss`, `aud`, `exp`, `nbf` and the required scopes.
struct OAuthVerifier: Sendable {
    enum Verdict: Equatable {
        /// The token is good; `subject` is its `sub` claim (who it speaks for), if it has one.
        case accepted(subject: String?)
        /// 401: no token, or one that is not valid for this server. The text names the reason.
        case invalid(String)
        /// 403: a valid token without every required scope.
        case insufficientScope
    }

    /// Asymmetric algorithms only: an `HS256` token "signed" with a public key must never pass.
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]

    let issuer: URL
    let audiences: [String]
    let scopes: [String]
    let leeway: TimeInterval
    let cache: JWKSCache

    init(configuration: HTTPAuthConfiguration, issuer: URL, logger: Logger) {
        self.issuer = issuer
        self.audiences = configuration.oauthAudiences
        self.scopes = configuration.oauthScopes
        self.leeway = configuration.leeway
        self.cache = JWKSCache(issuer: issuer, jwksURL: configuration.jwksURL, logger: logger)
    }

    func verify(_ token: String, now: Date = Date()) async -> Verdict {
        guard let header = Self.header(of: token) else { return .invalid("the token is not a signed JWT") }
        guard let algorithm = header["alg"] as? String, Self.algorithms.contains(algorithm) else {
            return .invalid("the token's signing algorithm is not accepted (RS256, ES256 and the like are)")
        }
        let claims: AccessTokenClaims
        do {
            claims = try await verifiedClaims(token, kid: header["kid"] as? String)
        } catch let error as AuthSetupError {
            return .invalid("the issuer's keys could not be read (\(error.description))")
        } catch is UnknownKey {
            return .invalid("the token's signing key (kid) is not among the issuer's keys")
        } catch {
            return .invalid("the token's signature does not verify with the issuer's keys")
        }
        guard let iss = claims.iss, Self.sameIssuer(iss, issuer.absoluteString) else {
            return .invalid("the token was not issued by \(issuer.absoluteString)")
        }
        guard let aud = claims.aud?.value, aud.contains(where: audiences.contains) else {
            return .invalid("the token is for another audience, not \(audiences.joined(separator: " or "))")
        }
        guard let exp = claims.exp else { return .invalid("the token has no expiry (exp)") }
        guard exp.addingTimeInterval(leeway) > now else { return .invalid("the token has expired") }
        if let nbf = claims.nbf, nbf.addingTimeInterval(-leeway) > now { return .invalid("the token is not valid yet (nbf)") }
        guard Set(scopes).isSubset(of: claims.scopes) else { return .insufficientScope }
        return .accepted(subject: claims.sub)
    }

    /// The claims of a token whose signature verifies; after a failure the keys are fetched
    /// again once (rate-limited), in case the issuer rotated them under the same key ID.
    private func verifiedClaims(_ token: String, kid: String?) async throws -> AccessTokenClaims {
        let keys = try await cache.keys(for: kid)
        // A named key must exist: the collection would otherwise fall back to its default key.
        if let kid, await !cache.knows(kid) { throw UnknownKey() }
        do {
            return try await keys.verify(token, as: AccessTokenClaims.self, iteratingKeys: kid == nil)
        } catch {
            guard await cache.forceRefresh() else { throw error }
            if let kid, await !cache.knows(kid) { throw UnknownKey() }
            return try await cache.keys(for: kid).verify(token, as: AccessTokenClaims.self, iteratingKeys: kid == nil)
        }
    }

    private struct UnknownKey: Error {}

    /// The JOSE header, read before the signature is checked only to pick the key and refuse
    /// algorithms; nothing in it is trusted beyond that.
    static func header(of token: String) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = base64URLDecode(String(parts[0])) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// Issuers compare as strings (RFC 8414), except for one trailing slash.
    static func sameIssuer(_ a: String, _ b: String) -> Bool {
        func trimmed(_ text: String) -> String { text.hasSuffix("/") ? String(text.dropLast()) : text }
        return trimmed(a) == trimmed(b)
    }
}
