import Foundation

/// `--identity caller`: each request reads the cloud as its caller, never as the server.
public struct CallerIdentitySettings: Sendable {
    /// Keystone's identity provider for OAuth callers (`--federation-idp`); nil: OAuth callers
    /// cannot be exchanged, and only application credentials identify a caller.
    public var identityProvider: String?
    /// The federation protocol registered under that provider (`--federation-protocol`).
    public var protocolName: String
    /// Tool calls one caller may have running at once (`--caller-max-calls`); more are refused as busy.
    public var maxCalls: Int
    /// Upstream requests one caller may have in flight (`--caller-max-upstream`); more wait.
    public var maxUpstream: Int
    /// Callers whose tokens are kept (`--caller-cache-size`); the least recently seen go first.
    public var cacheSize: Int

    public init(
        identityProvider: String? = nil, protocolName: String = "openid", maxCalls: Int = 4, maxUpstream: Int = 8,
        cacheSize: Int = 1000
    ) {
        self.identityProvider = identityProvider
        self.protocolName = protocolName
        self.maxCalls = maxCalls
        self.maxUpstream = maxUpstream
        self.cacheSize = cacheSize
    }
}
