import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

/// A stateless POST and a call inside a `--stateful` session get the same answers from the one
/// engine, and the request checks in front of it hold in both.
@Suite struct SessionModeTests {
    static let calls: [(String, JSONValue)] = [
        ("get_flavors", ["limit": 3]),
        ("get_instances", ["all_projects": true, "limit": 4, "detail_level": "basic"]),
        ("get_instances", ["limit": 0]),  // a bad argument: an isError result
        ("get_volume", ["id": "no-such-volume"]),  // an upstream 404: an isError result
    ]

    /// The whole JSON-RPC answer of each call, with the session-free envelope.
    static func answers(stateful: Bool) async throws -> [JSONValue] {
        try await ServerHarness.run(options: ServerOptions(port: 0, stateful: stateful)) { harness in
            let client = harness.client()
            client.accept = "application/json, text/event-stream"
            if stateful { _ = try await client.initialize() }
            var answers: [JSONValue] = []
            for (name, arguments) in calls {
                answers.append(try await client.rpc("tools/call", ["name": .string(name), "arguments": arguments]))
            }
            answers.append(try await client.rpc("tools/call", ["name": "get_everything", "arguments": [:]]))
            return answers
        }
    }

    @Test func statelessAndStatefulAnswerAlike() async throws {
        let stateless = try await Self.answers(stateful: false)
        let stateful = try await Self.answers(stateful: true)
        #expect(stateless.count == stateful.count)
        for (index, (mine, theirs)) in zip(stateless, stateful).enumerated() {
            // Both demo clouds have the same seed; the JSON-RPC IDs (a session starts with initialize),
            // the demo cloud's port and upstream request IDs differ.
            let strip = { (value: JSONValue) in
                (value["result"] ?? value["error"] ?? .null).compactText()
                    .replacing(/req-[0-9a-f-]+/, with: "req-…").replacing(/127\.0\.0\.1:[0-9]+/, with: "127.0.0.1:…")
            }
            #expect(mine["jsonrpc"] == "2.0" && mine["id"] != nil)
            #expect(strip(mine) == strip(theirs), "call \(index)")
        }
        #expect(stateless[0]["result"]?["structuredContent"]?["count"]?.intValue == 3)
        #expect(stateless[2]["result"]?["isError"]?.boolValue == true)
        #expect(stateless.last?["error"]?["code"]?.intValue == -32602, "\(stateless.last?.compactText() ?? "")")
        #expect(stateless.last?["error"]?["message"]?.stringValue?.contains("Unknown tool 'get_everything'") == true)
    }

    @Test func malformedCallsAndHeadersAreRefusedClearly() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            // An Accept header that takes neither JSON nor SSE is refused.
            client.accept = "text/html"
            let refused = try await client.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_flavors"}}"#)
            #expect(refused.status == 406, "\(refused.body)")
            // Parameters that are not a tools/call's: -32602 naming what is missing.
            client.accept = "application/json"
            let malformed = try await client.send(body: #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"nome":1}}"#)
            #expect(malformed.message?["error"]?["code"]?.intValue == -32602, "\(malformed.body)")
            #expect(malformed.message?["error"]?["message"]?.stringValue?.contains("name") == true)
            // A notification that mentions tools/call is not a request: 202, no answer.
            let notification = try await client.send(body: #"{"jsonrpc":"2.0","method":"notifications/message","params":{"text":"\"tools/call\""}}"#)
            #expect(notification.status == 202, "\(notification.body)")
            // And ordinary calls work with a string ID too.
            let stringID = try await client.send(body: #"{"jsonrpc":"2.0","id":"abc","method":"tools/call","params":{"name":"get_flavors","arguments":{"limit":1}}}"#)
            #expect(stringID.message?["id"]?.stringValue == "abc")
            #expect(stringID.message?["result"]?["structuredContent"]?["count"]?.intValue == 1)
        }
    }
}
