import ArgumentParser
import Foundation
import OpenStackMCPServer

/// Whose OpenStack identity tool calls use: the server's own, or each request's caller's.
struct IdentityFlags: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable { case server, caller }

    @Option(help: "server: tool calls read as the server's own credentials. caller: each HTTP request reads as its caller (an application credential in the X-OpenStack-Application-Credential-ID/-Secret headers, or an OAuth access token exchanged at Keystone federation); the server's credentials are never used.")
    var identity: Mode = .server
    @Option(help: "Keystone identity provider for OAuth callers (--identity caller with --oauth-issuer) (OS_IDENTITY_PROVIDER).")
    var federationIdp: String?
    @Option(help: "Federation protocol of that provider (OS_PROTOCOL).") var federationProtocol: String?
    @Option(help: "Tool calls one caller may have running at once; more are answered busy.") var callerMaxCalls: Int = 4
    @Option(help: "Upstream requests one caller may have in flight; more wait their turn.") var callerMaxUpstream: Int = 8
    @Option(help: "Callers whose Keystone tokens are kept; the least recently seen are dropped first.")
    var callerCacheSize: Int = 1000

    /// The settings of `--identity caller`, checked against the rest of the command line; nil for `server`.
    func settings(_ command: Command, environment: [String: String]) throws -> CallerIdentitySettings? {
        let idp = federationIdp ?? environment["OS_IDENTITY_PROVIDER"].flatMap { $0.isEmpty ? nil : $0 }
        guard identity == .caller else {
            if federationIdp != nil || federationProtocol != nil {
                throw LaunchError(message: "--federation-idp and --federation-protocol need --identity caller")
            }
            return nil
        }
        let checks: [(Bool, String)] = [
            (command.server.transport == .http,
             "--identity caller needs --transport http: over stdio the only caller is whoever started the server, so use its own credentials (--identity server)"),
            (!command.server.stateful, "--identity caller serves stateless requests, each with its caller's identity. Next step: drop --stateful"),
            (command.cloud.osCloud.count <= 1 && command.cloud.osCloud.first != "all",
             "--identity caller serves one cloud: its callers' credentials belong to one Keystone. Next step: name one --os-cloud"),
            (callerMaxCalls > 0, "--caller-max-calls \(callerMaxCalls) must be at least 1"),
            (callerMaxUpstream > 0, "--caller-max-upstream \(callerMaxUpstream) must be at least 1"),
            (callerCacheSize > 0, "--caller-cache-size \(callerCacheSize) must be at least 1"),
            (command.access.oauthIssuer == nil || idp != nil,
             "--identity caller with --oauth-issuer needs --federation-idp: the Keystone identity provider that exchanges the callers' access tokens (openstack identity provider list)"),
            (idp == nil || command.access.oauthIssuer != nil,
             "--federation-idp needs --oauth-issuer (and --oauth-audience): the server verifies each access token before Keystone sees it"),
        ]
        if let failed = checks.first(where: { !$0.0 }) { throw LaunchError(message: failed.1) }
        return CallerIdentitySettings(
            identityProvider: idp,
            protocolName: federationProtocol ?? environment["OS_PROTOCOL"].flatMap { $0.isEmpty ? nil : $0 } ?? "openid",
            maxCalls: callerMaxCalls, maxUpstream: callerMaxUpstream, cacheSize: callerCacheSize)
    }
}
