import Foundation

/// What Keystone's federation needs to turn a caller's OpenID Connect access token into a
/// project-scoped token: the identity provider and protocol it is registered under, the token,
/// and the project the caller chose (`X-OpenStack-Project`: a name or an ID), if any.
public struct FederatedAccess: Sendable, Equatable {
    public var identityProvider: String
    public var protocolName: String
    /// A secret: never log or show it.
    public var accessToken: String
    public var project: String?

    public init(identityProvider: String, protocolName: String, accessToken: String, project: String?) {
        self.identityProvider = identityProvider
        self.protocolName = protocolName
        self.accessToken = accessToken
        self.project = project
    }

    /// `/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth`, under the `/v3` URL.
    public var authPath: String {
        "/OS-FEDERATION/identity_providers/\(Self.segment(identityProvider))/protocols/\(Self.segment(protocolName))/auth"
    }

    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
