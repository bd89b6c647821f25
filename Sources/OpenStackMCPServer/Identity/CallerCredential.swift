import Crypto
import Foundation
import OpenStackKit

/// The OpenStack identity one request brings, read from its headers.
enum CallerCredential: Sendable {
    /// `X-OpenStack-Application-Credential-ID` and `-Secret`: Keystone's acceptance of them is
    /// the whole authentication.
    case applicationCredential(id: String, secret: String)
    /// An OAuth access token this server verified, to be exchanged at Keystone's federation.
    case federated(subject: String, accessToken: String)

    /// Who the caller is, for logs: never a secret.
    var principal: String {
        switch self {
        case .applicationCredential(let id, _): return "appcred:\(id)"
        case .federated(let subject, _): return "oauth:\(subject)"
        }
    }

    /// How Keystone is asked for this caller's token.
    func auth(authURL: URL, settings: CallerIdentitySettings, project: String?) -> AuthConfiguration {
        switch self {
        case .applicationCredential(let id, let secret):
            // An application credential carries its own project; Keystone refuses another scope.
            return AuthConfiguration(
                authURL: authURL, method: .applicationCredential(id: id, name: nil, secret: secret, user: nil), scope: .unscoped)
        case .federated(_, let accessToken):
            let access = FederatedAccess(
                identityProvider: settings.identityProvider ?? "", protocolName: settings.protocolName,
                accessToken: accessToken, project: project)
            return AuthConfiguration(authURL: authURL, method: .federated(access), scope: .unscoped)
        }
    }

    /// The cache key: an HMAC, under a key that lives only in this process, of what tells callers
    /// apart. An application credential's secret is part of it, so a wrong secret never finds
    /// another's token; an OAuth caller is its verified subject and chosen project (its access
    /// token changes with every refresh). The key never holds a secret in clear.
    func cacheKey(project: String?, salt: SymmetricKey) -> String {
        var fields: [String]
        switch self {
        case .applicationCredential(let id, let secret): fields = ["appcred", id, secret]
        case .federated(let subject, _): fields = ["oauth", subject, project ?? ""]
        }
        // Lengths first, so that no two different field lists give the same bytes.
        let message = fields.map { "\($0.utf8.count):\($0)" }.joined()
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: salt)
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
