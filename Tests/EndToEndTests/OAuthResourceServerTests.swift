import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import Testing

/// The OAuth 2.1 resource server against a real issuer (PyJWT, `scripts/oauth_issuer.py`) that
/// serves its JWKS over HTTP and signs good and bad tokens.
@Suite(.serialized) struct OAuthResourceServerTests {
    static let audience = "https://mcp.example.com/openstack"

    static func withIssuer<T: Sendable>(
        scopes: [String] = ["openstack:read"], _ body: @Sendable @escaping (OAuthIssuer, ServerHarness) async throws -> T
    ) async throws -> T {
        let issuer = try await OAuthIssuer.start()
        defer { issuer.stop() }
        let configuration = HTTPAuthConfiguration(
            oauthIssuer: URL(string: issuer.url)!, oauthAudiences: [audience], oauthScopes: scopes)
        let authenticator = try HTTPAuthenticator(configuration: configuration, logger: Logger(label: "auth-test"))
        return try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true), authenticator: authenticator) {
            try await body(issuer, $0)
        }
    }

    static func call(_ harness: ServerHarness, token: String?) async throws -> MCPTestClient.WireResponse {
        let client = harness.client()
        if let token { client.extraHeaders = [("Authorization", "Bearer \(token)")] }
        let body = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_instances","arguments":{"limit":2,"all_projects":true}}}"#
        return try await client.send(body: body)
    }

    @Test(.timeLimit(.minutes(3))) func tokensAreCheckedAsTheSpecSays() async throws {
        try await Self.withIssuer { issuer, harness in
            var matrix: [String] = []
            for kind in ["good", "es256"] {
                let response = try await Self.call(harness, token: try await issuer.token(kind, audience: Self.audience))
                #expect(response.status == 200, "\(kind): \(response.body.prefix(200))")
                #expect(response.message?["result"]?["structuredContent"]?["count"]?.intValue == 2, "\(kind)")
                matrix.append("oauth \(kind): HTTP \(response.status)")
            }
            let missing = try await Self.call(harness, token: nil)
            #expect(missing.status == 401)
            let challenge = missing.headers.first(name: "WWW-Authenticate") ?? ""
            let metadataURL = "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/openstack\""
            #expect(challenge.hasPrefix("Bearer ") && challenge.contains(metadataURL), "\(challenge)")
            #expect(challenge.contains("scope=\"openstack:read\"") && !challenge.contains("error="), "\(challenge)")
            matrix.append("oauth missing: HTTP \(missing.status) \(challenge)")

            let refused = [
                ("expired", "expired"), ("wrong-aud", "another audience"), ("bad-sig", "signature"),
                ("wrong-iss", "not issued by"), ("hs256", "algorithm"), ("not-yet", "not valid yet"), ("no-exp", "no expiry"),
                ("unknown-kid", "kid"),
            ]
            for (kind, reason) in refused {
                let token = try await issuer.token(kind, audience: Self.audience)
                let response = try await Self.call(harness, token: token)
                let header = response.headers.first(name: "WWW-Authenticate") ?? ""
                #expect(response.status == 401, "\(kind)")
                #expect(header.contains("error=\"invalid_token\"") && header.contains(reason) && header.contains(metadataURL), "\(kind): \(header)")
                #expect(!response.body.contains(token) && !header.contains(token), "a token is never echoed")
                matrix.append("oauth \(kind): HTTP \(response.status) \(header.split(separator: ",").dropFirst().first ?? "")")
            }
            let garbage = try await Self.call(harness, token: "not-a-jwt")
            #expect(garbage.status == 401)

            let narrow = try await Self.call(harness, token: try await issuer.token("good", audience: Self.audience, scope: "profile"))
            let scopeChallenge = narrow.headers.first(name: "WWW-Authenticate") ?? ""
            #expect(narrow.status == 403)
            #expect(scopeChallenge.contains("error=\"insufficient_scope\"") && scopeChallenge.contains("scope=\"openstack:read\""))
            #expect(scopeChallenge.contains(metadataURL))
            matrix.append("oauth without scope: HTTP \(narrow.status) \(scopeChallenge)")

            // The caller's token stayed here: nothing that reached the cloud carried an Authorization header.
            let upstream = harness.cloud.requests()
            #expect(!upstream.isEmpty && upstream.allSatisfy { !$0.carriedAuthorization })
            #expect(upstream.allSatisfy { $0.method == "GET" || $0.path.hasSuffix("/auth/tokens") })
            print("auth matrix\n  " + matrix.joined(separator: "\n  "))
        }
    }

    @Test(.timeLimit(.minutes(3))) func metadataIsServedAndHealthStaysOpen() async throws {
        try await Self.withIssuer { issuer, harness in
            let base = harness.endpoint.replacingOccurrences(of: "/openstack", with: "")
            for path in ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/openstack"] {
                let client = MCPTestClient(endpoint: base + path)
                let response = try await client.send(method: .GET, body: nil)
                #expect(response.status == 200, "\(path)")
                let document = try #require(response.message)
                #expect(document["resource"]?.stringValue == Self.audience)
                #expect(document["authorization_servers"]?.arrayValue?.first?.stringValue == issuer.url)
                #expect(document["scopes_supported"]?.arrayValue?.first?.stringValue == "openstack:read")
                #expect(document["bearer_methods_supported"]?.arrayValue?.first?.stringValue == "header")
            }
            let health = try await MCPTestClient(endpoint: base + "/healthz").send(method: .GET, body: nil)
            #expect(health.status == 200)
            // Keys are fetched once and cached: many good tokens, one JWKS fetch (plus none for the refused).
            for _ in 0..<5 { _ = try await Self.call(harness, token: try await issuer.token("good", audience: Self.audience)) }
            let stats = try JSONValue.parse(Data(try await issuer.get(issuer.url + "/stats").utf8))
            #expect(stats["jwks_fetches"]?.intValue == 1, "\(stats.compactText())")
        }
    }

    @Test(.timeLimit(.minutes(3))) func rotatedKeysAreFetchedAgain() async throws {
        try await Self.withIssuer { issuer, harness in
            #expect(try await Self.call(harness, token: try await issuer.token("good", audience: Self.audience)).status == 200)
            _ = try await issuer.get(issuer.url + "/rotate")
            // Same kid, new key: the signature fails with the cached key, so the keys are fetched
            // again once and the token passes. A second bad signature soon after fetches nothing.
            let response = try await Self.call(harness, token: try await issuer.token("good", audience: Self.audience))
            #expect(response.status == 200, "\(response.body.prefix(300))")
            #expect(try await Self.call(harness, token: try await issuer.token("bad-sig", audience: Self.audience)).status == 401)
            let stats = try JSONValue.parse(Data(try await issuer.get(issuer.url + "/stats").utf8))
            #expect(stats["jwks_fetches"]?.intValue == 2, "\(stats.compactText())")
        }
    }
}
