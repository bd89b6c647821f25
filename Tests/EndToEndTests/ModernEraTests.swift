import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

/// The 2026-07-28 era over Streamable HTTP: discovery, per-request `_meta`, result fields, the
/// routing headers and their errors, progress and caching hints.
@Suite struct ModernEraTests {
    static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    @Test func discoverNamesBothErasAndCarriesTheResultFields() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let response = try await client.modern("server/discover")
            #expect(response.status == 200)
            let result = try #require(response.message?["result"], "\(response.body)")
            let versions = result["supportedVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(versions.first == "2026-07-28")
            #expect(["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"].allSatisfy(versions.contains))
            #expect(result["resultType"] == "complete")
            #expect(result["ttlMs"]?.intValue ?? -1 >= 0)
            #expect(result["cacheScope"] == "public")
            #expect(result["capabilities"]?["tools"] != nil)
            #expect(result["_meta"]?[Self.serverInfoKey]?["name"] == "openstack-mcp-server")
            #expect(result["instructions"]?.stringValue?.contains("Read-only") == true)
            // The list tools' shared defaults are stated here, once, instead of in every schema.
            #expect(result["instructions"]?.stringValue?.contains("limit 1-1000 (default 100)") == true)
            #expect(result["instructions"]?.stringValue?.contains("(default: what an operator needs next)") == true)
        }
    }

    @Test func listsAreCacheableAndInAFixedOrderEqualToTheLegacyList() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let first = try #require(try await client.modern("tools/list").message?["result"])
            let second = try #require(try await client.modern("tools/list").message?["result"])
            let names = first["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.count > 50)
            #expect(names == (second["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []))
            #expect(first["resultType"] == "complete" && first["cacheScope"] == "public")
            #expect(first["ttlMs"]?.intValue ?? 0 > 0)
            let legacy = try await client.listTools()
            #expect(legacy.compactMap { $0["name"]?.stringValue } == names)
            #expect(first["tools"]?.arrayValue == legacy, "one declaration serves both eras")
            for method in ["prompts/list", "resources/list", "resources/templates/list"] {
                let result = try #require(try await client.modern(method).message?["result"], "\(method)")
                #expect(result["resultType"] == "complete", "\(method)")
                #expect(result["ttlMs"]?.intValue != nil && result["cacheScope"] != nil, "\(method)")
            }
        }
    }

    @Test func aToolCallAnswersWithResultTypeAndServerInfo() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let params: JSONValue = ["name": "get_instances", "arguments": ["limit": 3, "all_projects": true]]
            let response = try await client.modern("tools/call", params)
            let result = try #require(response.message?["result"], "\(response.body)")
            #expect(result["resultType"] == "complete")
            #expect(result["_meta"]?[Self.serverInfoKey]?["version"] != nil)
            #expect(result["structuredContent"]?["count"]?.intValue == 3)
            let text = try #require(result["content"]?.arrayValue?.first?["text"]?.stringValue)
            #expect(try JSONValue.parse(Data(text.utf8)) == result["structuredContent"])
            // A name outside the safe header characters travels base64-encoded.
            let encoded = "=?base64?" + Data("get_flavors".utf8).base64EncodedString() + "?="
            let flavors = try await client.modern(
                "tools/call", ["name": "get_flavors", "arguments": ["limit": 1]], headers: [("Mcp-Name", encoded)])
            #expect(flavors.message?["result"]?["structuredContent"]?["count"]?.intValue == 1, "\(flavors.body)")
        }
    }

    @Test func headersThatDisagreeWithTheBodyAreRefused() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let params: JSONValue = ["name": "get_flavors", "arguments": [:]]
            let cases: [(String, [(String, String)])] = [
                ("method", [("Mcp-Method", "tools/list")]),
                ("name", [("Mcp-Name", "get_instances")]),
                ("version", [("MCP-Protocol-Version", "2025-11-25")]),
            ]
            for (label, headers) in cases {
                let response = try await client.modern("tools/call", params, headers: headers)
                #expect(response.status == 400, "\(label)")
                #expect(response.message?["error"]?["code"]?.intValue == -32020, "\(label): \(response.body)")
                #expect(response.message?["id"]?.intValue == 1, "\(label)")
            }
            // Missing headers are a mismatch too.
            let bare = try await client.send(body: MCPTestClient.modernBody(id: 4, method: "tools/list"))
            #expect(bare.status == 400 && bare.message?["error"]?["code"]?.intValue == -32020, "\(bare.body)")
        }
    }

    @Test func versionAndMetaErrorsNameTheWayForward() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let unsupported = try await client.send(
                body: MCPTestClient.modernBody(id: 2, method: "tools/list", version: "2099-01-01"),
                headers: MCPTestClient.modernHeaders(method: "tools/list", version: "2099-01-01"))
            #expect(unsupported.status == 400)
            let error = try #require(unsupported.message?["error"])
            #expect(error["code"]?.intValue == -32022)
            #expect(error["data"]?["requested"] == "2099-01-01")
            #expect(error["data"]?["supported"]?.arrayValue?.contains("2026-07-28") == true)

            // A modern version without clientCapabilities is malformed: -32602 with HTTP 400.
            let body = #"{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}"#
            let missing = try await client.send(body: body, headers: MCPTestClient.modernHeaders(method: "tools/list"))
            #expect(missing.status == 400 && missing.message?["error"]?["code"]?.intValue == -32602, "\(missing.body)")

            // Methods the era does not have: 404 with -32601.
            for method in ["ping", "logging/setLevel", "no/such"] {
                let response = try await client.modern(method, method == "logging/setLevel" ? ["level": "info"] : [:])
                #expect(response.status == 404, "\(method)")
                #expect(response.message?["error"]?["code"]?.intValue == -32601, "\(method)")
            }
            // server/discover without _meta cannot be modern, and says what to send.
            let legacyDiscover = try await client.send(body: #"{"jsonrpc":"2.0","id":5,"method":"server/discover"}"#)
            #expect(legacyDiscover.status == 400 && legacyDiscover.message?["error"]?["code"]?.intValue == -32602)
            #expect(legacyDiscover.message?["error"]?["message"]?.stringValue?.contains("initialize") == true)
        }
    }

    @Test func aMissingResourceIsInvalidParamsInTheModernEraAnd32002Before() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let uri = "openstack://demo/server/no-such-server"
            let modern = try await client.modern("resources/read", ["uri": .string(uri)])
            #expect(modern.message?["error"]?["code"]?.intValue == -32602, "\(modern.body)")
            let legacy = try await client.rpc("resources/read", ["uri": .string(uri)])
            #expect(legacy["error"]?["code"]?.intValue == -32002)
            let server = try #require(try await client.call("get_instances", ["limit": 1]).items.first?["id"]?.stringValue)
            let read = try await client.modern("resources/read", ["uri": .string("openstack://demo/server/\(server)")])
            let result = try #require(read.message?["result"], "\(read.body)")
            #expect(result["cacheScope"] == "private" && result["ttlMs"]?.intValue != nil)
            #expect(result["contents"]?.arrayValue?.first?["text"]?.stringValue?.contains(server) == true)
        }
    }

    @Test func progressTokensGetOneNotificationPerUpstreamAnswerBeforeTheResult() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let params: JSONValue = [
                "name": "get_instances", "arguments": ["limit": 2, "all_projects": true],
                "_meta": ["progressToken": "tok-1"],
            ]
            let response = try await client.modern("tools/call", params)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
            let events = response.body.split(separator: "\n").filter { $0.hasPrefix("data: ") }
                .compactMap { try? JSONValue.parse(Data($0.dropFirst(6).utf8)) }
            let progress = events.filter { $0["method"] == "notifications/progress" }
            #expect(progress.count >= 1, "\(response.body)")
            #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "tok-1" })
            let counts = progress.compactMap { $0["params"]?["progress"]?.intValue }
            #expect(counts == Array(1...counts.count), "the count rises by one per upstream answer")
            #expect(events.last?["id"]?.intValue == 1 && events.last?["result"] != nil, "the answer comes last")
        }
    }

    @Test func stateless2026RequestsIgnoreSessionHeadersEvenInStatefulMode() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, stateful: true)) { harness in
            let client = harness.client()
            let response = try await client.modern("tools/list", [:], headers: [("Mcp-Session-Id", "made-up")])
            #expect(response.status == 200, "\(response.body.prefix(200))")
            #expect(response.headers.first(name: "Mcp-Session-Id") == nil, "no session is minted for a modern request")
        }
    }
}
