import Foundation
import JWTKit

/// The claims of an OAuth access token (RFC 9068) that this resource server checks.
///
/// `verify(using:)` does nothing: the checks need the configuration (issuer, audiences, scopes)
/// and give specific reasons, so ``OAuthVerifier`` makes them after the signature is verified.
struct AccessTokenClaims: JWTPayload {
    var iss: String?
    var aud: AudienceClaim?
    var exp: Date?
    var nbf: Date?
    var sub: String?
    /// The granted scopes, from `scope` (a space-separated string) or `scp` (a string or an array).
    var scopes: Set<String>

    enum CodingKeys: String, CodingKey { case iss, aud, exp, nbf, sub, scope, scp }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try? container.decodeIfPresent(String.self, forKey: .iss)
        aud = try? container.decodeIfPresent(AudienceClaim.self, forKey: .aud)
        exp = (try? container.decodeIfPresent(Double.self, forKey: .exp)).flatMap { $0 }.map(Date.init(timeIntervalSince1970:))
        nbf = (try? container.decodeIfPresent(Double.self, forKey: .nbf)).flatMap { $0 }.map(Date.init(timeIntervalSince1970:))
        sub = try? container.decodeIfPresent(String.self, forKey: .sub)
        var scopes: Set<String> = []
        if let text = try? container.decodeIfPresent(String.self, forKey: .scope) {
            scopes.formUnion(text.split(separator: " ").map(String.init))
        }
        if let list = try? container.decodeIfPresent([String].self, forKey: .scp) {
            scopes.formUnion(list)
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .scp) {
            scopes.formUnion(text.split(separator: " ").map(String.init))
        }
        self.scopes = scopes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iss, forKey: .iss)
        try container.encodeIfPresent(aud, forKey: .aud)
        try container.encodeIfPresent(exp?.timeIntervalSince1970, forKey: .exp)
        try container.encodeIfPresent(nbf?.timeIntervalSince1970, forKey: .nbf)
        try container.encodeIfPresent(sub, forKey: .sub)
        try container.encode(scopes.sorted().joined(separator: " "), forKey: .scope)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
