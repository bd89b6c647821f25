import CloudSimulator
import Foundation
import Logging
import NIOHTTP1
import OpenStackKit
import OpenStackMCPServer
import Testing

/// `/mcp` and `/mcp/` are aliases of `/openstack`: every answer is the one `/openstack` gives.
@Suite struct EndpointAliasTests {
    static let paths = ["/openstack", "/openstack/", "/mcp", "/mcp/"]

    static func base(_ harness: ServerHarness) -> String {
        String(harness.endpoint.dropLast("/openstack".count))
    }

    /// One exchange, reduced to what must not depend on the path.
    struct Seen: Equatable {
        var status: Int
        var contentType: String?
        var allow: String?
        var message: JSONValue?
    }

    static func exchanges(_ client: MCPTestClient) async throws -> [String: Seen] {
        let list = #"{"jsonrpc":"2.0","id":7,"method":"tools/list"}"#
        let call = #"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"get_flavors","arguments":{"limit":2}}}"#
        let discover = #"{"jsonrpc":"2.0","id":9,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#
        let requests: [(String, HTTPMethod, String?, [(String, String)])] = [
            ("tools/list", .POST, list, []),
            ("tools/call", .POST, call, []),
            ("discover", .POST, discover, [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "server/discover")]),
            ("discover, header missing", .POST, discover, [("MCP-Protocol-Version", "2026-07-28")]),
            ("notification", .POST, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, []),
            ("parse error", .POST, "{not json", []),
            ("1.", .POST, #"{"jsonrpc":"2.0","id":1.,"method":"tools/list"}"#, []),
            ("text/plain", .POST, list, [("Content-Type", "text/plain")]),
            ("Accept", .POST, list, [("Accept", "image/png")]),
            ("evil origin", .POST, list, [("Origin", "https://evil.example")]),
            ("evil host", .POST, list, [("Host", "evil.example:8000")]),
            ("GET", .GET, nil, []),
            ("DELETE", .DELETE, nil, []),
            ("PUT", .PUT, list, []),
        ]
        var seen: [String: Seen] = [:]
        for (name, method, body, headers) in requests {
            let response = try await client.send(method: method, body: body, headers: headers)
            seen[name] = Seen(
                status: response.status, contentType: response.headers.first(name: "Content-Type"),
                allow: response.headers.first(name: "Allow"), message: response.message)
        }
        return seen
    }

    @Test func everyAnswerOfTheAliasesIsTheEndpointsAnswer() async throws {
        for options in [ServerOptions(port: 0), ServerOptions(port: 0, jsonResponse: true)] {
            try await ServerHarness.run(options: options) { harness in
                let reference = try await Self.exchanges(MCPTestClient(endpoint: harness.endpoint))
                #expect(reference["tools/list"]?.status == 200 && reference["tools/list"]?.message?["result"]?["tools"] != nil)
                #expect(reference["GET"]?.status == 405 && reference["evil origin"]?.status == 403)
                for path in Self.paths.dropFirst() {
                    let seen = try await Self.exchanges(MCPTestClient(endpoint: Self.base(harness) + path))
                    for (name, expected) in reference {
                        #expect(seen[name] == expected, "\(path) \(name) (json: \(options.jsonResponse))")
                    }
                }
                let missing = try await MCPTestClient(endpoint: Self.base(harness) + "/mcpx").send(body: "{}")
                #expect(missing.status == 404)
                #expect(missing.message?["error"]?["message"]?.stringValue?.contains("/mcp") == true)
            }
        }
    }

    @Test func aSessionOpenedOnTheAliasLivesOnAllPaths() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, stateful: true)) { harness in
            let opener = MCPTestClient(endpoint: Self.base(harness) + "/mcp")
            let initialize = try await opener.initialize()
            #expect(initialize["result"]?["serverInfo"] != nil)
            let session = try #require(opener.sessionID)
            for path in Self.paths {
                let client = MCPTestClient(endpoint: Self.base(harness) + path)
                client.sessionID = session
                let result = try await client.call("get_flavors", ["limit": 1])
                #expect(result.items.count == 1, "\(path)")
                let stray = try await MCPTestClient(endpoint: Self.base(harness) + path).send(
                    body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
                #expect(stray.status == 400, "\(path): a legacy request without its session")
            }
            let closer = MCPTestClient(endpoint: Self.base(harness) + "/mcp/")
            closer.sessionID = session
            #expect(try await closer.send(method: .DELETE, body: nil).status == 200)
            let gone = try await closer.send(body: #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
            #expect(gone.status == 404)
        }
    }

    @Test func aBearerTokenGuardsTheAliasesToo() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("alias-tokens-\(UUID().uuidString)").path
        try "alias-token-0123456789\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let authenticator = try HTTPAuthenticator(configuration: .init(tokenFile: path), logger: Logger(label: "t"))
        try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true), authenticator: authenticator) { harness in
            for endpoint in Self.paths {
                let client = MCPTestClient(endpoint: Self.base(harness) + endpoint)
                let refused = try await client.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
                #expect(refused.status == 401, "\(endpoint)")
                #expect(refused.headers.first(name: "WWW-Authenticate") == #"Bearer realm="openstack-mcp-server""#)
                client.extraHeaders = [("Authorization", "Bearer alias-token-0123456789")]
                let served = try await client.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
                #expect(served.status == 200, "\(endpoint)")
            }
        }
    }

    /// RFC 9728: the resource and the place of its metadata follow the path the client used.
    @Test func protectedResourceMetadataFollowsThePath() async throws {
        // Refusals and metadata need no issuer: a demo cloud answers its metadata requests with a quick 404.
        func run(audiences: [String], _ body: @Sendable @escaping (String) async throws -> Void) async throws {
            try await withDemoCloud { _, issuerBase in
                let issuer = issuerBase.appendingPathComponent("no-issuer")
                let configuration = HTTPAuthConfiguration(oauthIssuer: issuer, oauthAudiences: audiences, oauthScopes: ["openstack:read"])
                var quiet = Logger(label: "auth-test")
                quiet.logLevel = .error
                let authenticator = try HTTPAuthenticator(configuration: configuration, logger: quiet)
                try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true), authenticator: authenticator) { harness in
                    try await body(Self.base(harness))
                }
            }
        }
        let metadata = "/.well-known/oauth-protected-resource"

        // An audience that is no URL: each path is its own resource, with its metadata after the host.
        try await run(audiences: ["openstack-mcp"]) { base async throws in
            for (path, endpoint) in [("/openstack", "/openstack"), ("/openstack/", "/openstack"), ("/mcp", "/mcp"), ("/mcp/", "/mcp")] {
                #expect(try await Self.challenge(base + path).contains(#"resource_metadata="\#(base)\#(metadata)\#(endpoint)""#), "\(path)")
                #expect(try await Self.resource(base + metadata + path) == base + endpoint, "\(path)")
            }
            #expect(try await Self.resource(base + metadata) == base + "/openstack")
            #expect(try await MCPTestClient(endpoint: base + metadata + "/other").send(method: .GET, body: nil).status == 404)
        }
        // An audience URL for each path: each path names its own.
        let both = ["https://mcp.example.com/openstack", "https://mcp.example.com/mcp"]
        try await run(audiences: both) { base async throws in
            #expect(try await Self.challenge(base + "/mcp").contains(#"resource_metadata="https://mcp.example.com\#(metadata)/mcp""#))
            #expect(try await Self.challenge(base + "/openstack/").contains(#"resource_metadata="https://mcp.example.com\#(metadata)/openstack""#))
            #expect(try await Self.resource(base + metadata + "/mcp") == both[1])
            #expect(try await Self.resource(base + metadata + "/openstack") == both[0])
            #expect(try await Self.resource(base + metadata) == both[0])
        }
        // One audience URL: it is the resource, whichever path was used.
        try await run(audiences: [both[0]]) { base async throws in
            #expect(try await Self.challenge(base + "/mcp/").contains(#"resource_metadata="https://mcp.example.com\#(metadata)/openstack""#))
            #expect(try await Self.resource(base + metadata + "/mcp") == both[0])
        }
    }

    /// The `WWW-Authenticate` of a POST without a token.
    static func challenge(_ url: String) async throws -> String {
        let response = try await MCPTestClient(endpoint: url).send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        #expect(response.status == 401)
        return response.headers.first(name: "WWW-Authenticate") ?? ""
    }

    /// The `resource` of the metadata document at `url`.
    static func resource(_ url: String) async throws -> String? {
        let response = try await MCPTestClient(endpoint: url).send(method: .GET, body: nil)
        #expect(response.status == 200, "\(url)")
        return response.message?["resource"]?.stringValue
    }
}
