import CloudSimulator
import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer

/// A server in `--identity caller` mode in front of the demo cloud, with the local OAuth issuer
/// (PyJWT) whose tokens the demo's Keystone federation (`demo-idp`, `openid`) takes.
struct CallerHarness: Sendable {
    static let audience = "https://mcp.example.com/openstack"
    let server: ServerHarness
    let issuer: OAuthIssuer
    let logs: CapturedLogs

    /// The headers of the demo admin's application credential (project admin, role admin).
    static let adminCredential = [
        ("X-OpenStack-Application-Credential-ID", DemoCloud.applicationCredentialID),
        ("X-OpenStack-Application-Credential-Secret", DemoCloud.applicationCredentialSecret),
    ]
    /// The headers of user demo's application credential (project demo, role member).
    static let memberCredential = [
        ("X-OpenStack-Application-Credential-ID", DemoCloud.memberApplicationCredentialID),
        ("X-OpenStack-Application-Credential-Secret", DemoCanaries.memberApplicationCredentialSecret),
    ]

    static func run<T: Sendable>(
        maxCalls: Int = 4, cacheSize: Int = 1000, _ body: @Sendable @escaping (CallerHarness) async throws -> T
    ) async throws -> T {
        let issuer = try await OAuthIssuer.start()
        defer { issuer.stop() }
        let logs = CapturedLogs()
        let authenticator = try HTTPAuthenticator(
            configuration: HTTPAuthConfiguration(oauthIssuer: URL(string: issuer.url)!, oauthAudiences: [audience]),
            logger: Logger(label: "caller-auth"))
        var demo = DemoCloudConfiguration(servers: 48)
        demo.federationIssuer = issuer.url
        let settings = CallerIdentitySettings(
            identityProvider: DemoCloud.federationIdentityProvider, maxCalls: maxCalls, cacheSize: cacheSize)
        return try await ServerHarness.run(
            options: ServerOptions(port: 0, jsonResponse: true), logs: logs, authenticator: authenticator,
            identity: settings, demo: demo, logLevel: .info
        ) { server in
            try await body(CallerHarness(server: server, issuer: issuer, logs: logs))
        }
    }

    /// The headers of an OAuth caller: a fresh access token for `subject`, and the project they chose.
    func oauth(_ subject: String, project: String? = nil, kind: String = "good") async throws -> [(String, String)] {
        let token = try await issuer.token(kind, audience: Self.audience, subject: subject)
        return [("Authorization", "Bearer \(token)")] + (project.map { [("X-OpenStack-Project", $0)] } ?? [])
    }

    /// A client that sends `headers` with every request.
    func client(_ headers: [(String, String)]) -> MCPTestClient {
        let client = server.client()
        client.extraHeaders = headers
        return client
    }
}
