import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Streamable HTTP surface: SSE and JSON answers, both paths, sessions, and the SDK's client.
@Suite struct TransportTests {
    @Test func statelessAnswersAreSSEFramedByDefault() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let response = try await client.send(body: #"{"jsonrpc":"2.0","id":7,"method":"tools/list"}"#)
            #expect(response.status == 200)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
            #expect(response.body.hasPrefix("event: message\ndata: {"))
            #expect(response.message?["id"]?.intValue == 7)
            #expect(response.headers.first(name: "Mcp-Session-Id") == nil, "stateless by default")
            let get = try await client.send(method: .GET, body: nil)
            #expect(get.status == 405)
        }
    }

    @Test func jsonResponseModeAnswersJSON() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true)) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let initialize = try await client.send(
                body: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
            #expect(initialize.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
            #expect(initialize.message?["result"]?["serverInfo"]?["name"]?.stringValue == "openstack-mcp-server")
            #expect(initialize.message?["result"]?["protocolVersion"]?.stringValue == "2025-03-26")
        }
    }

    @Test func trailingSlashAnswersTheSameWithoutRedirect() async throws {
        try await ServerHarness.run { harness in
            let client = MCPTestClient(endpoint: harness.endpoint + "/")
            defer { Task { await client.shutdown() } }
            let response = try await client.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
            #expect(response.status == 200)
            #expect(response.message?["result"]?["tools"]?.arrayValue?.contains { $0["name"]?.stringValue == "get_instances" } == true)
        }
    }

    @Test func statefulSessionsLiveUntilDelete() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, stateful: true, maxSessions: 2)) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let initialize = try await client.initialize()
            #expect(initialize["result"]?["serverInfo"] != nil)
            let session = try #require(client.sessionID)
            let result = try await client.call("get_instances", ["limit": 2])
            #expect(result.items.count == 2)

            // Without a session header a non-initialize request is refused.
            let stray = MCPTestClient(endpoint: harness.endpoint)
            defer { Task { await stray.shutdown() } }
            let refused = try await stray.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
            #expect(refused.status == 400)

            // The cap: one more session fits, the next is refused.
            _ = try await harness.client().initialize()
            let third = harness.client()
            defer { Task { await third.shutdown() } }
            let over = try await third.send(
                body: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
            #expect(over.status == 503)

            let deleted = try await client.send(method: .DELETE, body: nil)
            #expect(deleted.status == 200)
            client.sessionID = session
            let gone = try await client.send(body: #"{"jsonrpc":"2.0","id":9,"method":"tools/list"}"#)
            #expect(gone.status == 404)
        }
    }

    @Test func idleSessionsExpire() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, stateful: true, sessionIdleTimeout: .seconds(1))) { harness in
            let client = harness.client()
            _ = try await client.initialize()
            #expect(client.sessionID != nil)
            try await Task.sleep(for: .seconds(7))  // the reaper runs every 5 s
            let expired = try await client.send(body: #"{"jsonrpc":"2.0","id":5,"method":"tools/list"}"#)
            #expect(expired.status == 404)
        }
    }

    /// What a plain JSON client reads: every tool declared read-only with an output schema, and a
    /// call answered with structured content and the same data as one text block.
    @Test func aJSONModeClientGetsDeclarationsAndStructuredAnswers() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true)) { harness in
            let client = harness.client()
            _ = try await client.initialize()
            let tools = try await client.listTools()
            #expect(tools.contains { $0["name"]?.stringValue == "get_instances" })
            for tool in tools {
                let annotations = tool["annotations"]
                #expect(annotations?["readOnlyHint"] == true && annotations?["openWorldHint"] == true)
                #expect(annotations?["destructiveHint"] == false && tool["outputSchema"]?["type"] == "object")
            }
            let result = try await client.call("get_instances", ["limit": 3, "all_projects": true])
            #expect(!result.isError)
            #expect(try JSONValue.parse(Data(result.text.utf8)) == result.structured)
            #expect(result.structured["count"]?.intValue == 3)
        }
    }
}
