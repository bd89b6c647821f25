import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import Testing

/// `--auth-token-file`, and the rule that a non-loopback endpoint is never open by accident.
@Suite struct BearerAuthTests {
    static func tokenFile(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-tokens-\(UUID().uuidString)").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let ping = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_flavors","arguments":{"limit":1}}}"#

    @Test func onlyTheTokensInTheFileAreAccepted() async throws {
        let path = try Self.tokenFile(["# rotated 2026-12-01", "", "alpha-token-0123456789", "  beta-token-9876543210  "])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let authenticator = try HTTPAuthenticator(configuration: .init(tokenFile: path), logger: Logger(label: "t"))
        try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true), authenticator: authenticator) { harness in
            let client = harness.client()
            for token in ["alpha-token-0123456789", "beta-token-9876543210"] {
                let response = try await client.send(body: Self.ping, headers: [("Authorization", "Bearer \(token)")])
                #expect(response.status == 200, "\(response.body.prefix(200))")
            }
            let lowercaseScheme = try await client.send(body: Self.ping, headers: [("Authorization", "bearer alpha-token-0123456789")])
            #expect(lowercaseScheme.status == 200)
            let missing = try await client.send(body: Self.ping)
            #expect(missing.status == 401)
            #expect(missing.headers.first(name: "WWW-Authenticate") == #"Bearer realm="openstack-mcp-server""#)
            for wrong in ["alpha-token-012345678", "alpha-token-01234567890", "ALPHA-TOKEN-0123456789", "# rotated 2026-12-01", ""] {
                let response = try await client.send(body: Self.ping, headers: [("Authorization", "Bearer \(wrong)")])
                #expect(response.status == 401, "\(wrong)")
                if !wrong.isEmpty {
                    #expect(response.headers.first(name: "WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
                    #expect(!response.body.contains(wrong))
                }
            }
            let basic = try await client.send(body: Self.ping, headers: [("Authorization", "Basic YWxwaGE6YmV0YQ==")])
            #expect(basic.status == 401)
            let base = harness.endpoint.replacingOccurrences(of: "/openstack", with: "")
            #expect(try await MCPTestClient(endpoint: base + "/healthz").send(method: .GET, body: nil).status == 200)
            #expect(try await MCPTestClient(endpoint: base + "/.well-known/oauth-protected-resource").send(method: .GET, body: nil).status == 404)
            #expect(harness.cloud.requests().allSatisfy { !$0.carriedAuthorization })
        }
    }

    @Test func constantTimeCompareAgreesWithEquality() {
        let samples: [[UInt8]] = [[], [1], [1, 2], [1, 3], [2, 2], Array("secret".utf8), Array("secreT".utf8)]
        for a in samples { for b in samples { #expect(BearerTokenStore.constantTimeEqual(a, b) == (a == b)) } }
    }

    @Test(.timeLimit(.minutes(2))) func sighupReloadsTheTokenFile() async throws {
        let path = try Self.tokenFile(["first-token-aaaaaaaaaaaa"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try BinaryProcess(["--demo", "--port", "0", "--json-response", "--auth-token-file", path])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
        let endpoint = try #require(server.errorOutput.firstMatch(of: /listening on (http:\/\/[^ ]+\/openstack)/)?.1)
        let client = MCPTestClient(endpoint: String(endpoint))
        func status(_ token: String) async throws -> Int {
            try await client.send(body: Self.ping, headers: [("Authorization", "Bearer \(token)")]).status
        }
        #expect(try await status("first-token-aaaaaaaaaaaa") == 200)
        #expect(try await status("second-token-bbbbbbbbbbb") == 401)
        try "second-token-bbbbbbbbbbb\n".write(toFile: path, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(await server.waitFor { _, err in err.contains("auth tokens reloaded") })
        #expect(try await status("second-token-bbbbbbbbbbb") == 200)
        #expect(try await status("first-token-aaaaaaaaaaaa") == 401)
        // An unreadable file on reload keeps the tokens in use.
        try FileManager.default.removeItem(atPath: path)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(await server.waitFor { _, err in err.contains("auth tokens not reloaded") })
        #expect(try await status("second-token-bbbbbbbbbbb") == 200)
        #expect(!server.errorOutput.contains("second-token") && !server.errorOutput.contains("first-token"), "no token in the log")
    }

    @Test(.timeLimit(.minutes(2))) func offLoopbackNeedsAuthOrAnExplicitOptOut() async throws {
        let refused = try BinaryProcess(["--demo", "--host", "0.0.0.0", "--port", "0"])
        #expect(await refused.waitForExit() == 1)
        #expect(refused.errorOutput.split(separator: "\n").count == 1, "\(refused.errorOutput)")
        #expect(refused.errorOutput.contains("refusing to serve 0.0.0.0 without authentication"))
        #expect(refused.errorOutput.contains("--auth-token-file") && refused.errorOutput.contains("--allow-unauthenticated"))

        let open = try BinaryProcess(["--demo", "--host", "0.0.0.0", "--port", "0", "--allow-unauthenticated"])
        defer { open.terminate() }
        #expect(await open.waitFor { _, err in err.contains("listening on") }, "\(open.errorOutput)")
        let warnings = open.errorOutput.split(separator: "\n").filter { $0.contains("WITHOUT authentication") }
        #expect(warnings.count == 1, "\(open.errorOutput)")

        let path = try Self.tokenFile(["t-0123456789abcdef"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let guarded = try BinaryProcess(["--demo", "--host", "0.0.0.0", "--port", "0", "--auth-token-file", path])
        defer { guarded.terminate() }
        #expect(await guarded.waitFor { _, err in err.contains("listening on") }, "\(guarded.errorOutput)")
        #expect(!guarded.errorOutput.contains("WITHOUT authentication"))

        let stdio = try BinaryProcess(["--demo", "--host", "0.0.0.0", "--transport", "stdio", "--log-level", "error"])
        defer { stdio.terminate() }
        stdio.write(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
        #expect(await stdio.waitFor { out, _ in out.contains("\"id\":1") }, "stdio needs no token")

        let empty = try Self.tokenFile(["# nothing yet"])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let noTokens = try BinaryProcess(["--demo", "--port", "0", "--auth-token-file", empty])
        #expect(await noTokens.waitForExit() == 1)
        #expect(noTokens.errorOutput.contains("holds no token"), "\(noTokens.errorOutput)")
    }
}
