import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

/// The tool-call fast path (stateless HTTP and stdio) answers exactly what the SDK path (used by
/// stateful sessions) answers, and leaves everything it does not handle to the SDK.
@Suite struct ToolCallFastPathTests {
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

    @Test func itAnswersExactlyWhatTheSDKPathAnswers() async throws {
        let fast = try await Self.answers(stateful: false)
        let sdk = try await Self.answers(stateful: true)
        #expect(fast.count == sdk.count)
        for (index, (mine, theirs)) in zip(fast, sdk).enumerated() {
            // Both demo clouds have the same seed; the JSON-RPC IDs (a session starts with initialize),
            // the demo cloud's port and upstream request IDs differ.
            let strip = { (value: JSONValue) in
                (value["result"] ?? value["error"] ?? .null).compactText()
                    .replacing(/req-[0-9a-f-]+/, with: "req-…").replacing(/127\.0\.0\.1:[0-9]+/, with: "127.0.0.1:…")
            }
            #expect(mine["jsonrpc"] == "2.0" && mine["id"] != nil)
            #expect(strip(mine) == strip(theirs), "call \(index)")
        }
        #expect(fast[0]["result"]?["structuredContent"]?["count"]?.intValue == 3)
        #expect(fast[2]["result"]?["isError"]?.boolValue == true)
        #expect(fast.last?["error"]?["code"]?.intValue == -32602, "\(fast.last?.compactText() ?? "")")
        #expect(fast.last?["error"]?["message"]?.stringValue?.contains("Unknown tool 'get_everything'") == true)
    }

    @Test func requestsItDoesNotHandleStillReachTheSDK() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            // A wrong Accept header is refused as the SDK refuses it.
            client.accept = "text/html"
            let refused = try await client.send(body: #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_flavors"}}"#)
            #expect(refused.status == 406, "\(refused.body)")
            // Parameters that are not a tools/call's go to the SDK, which answers -32602 or -32600.
            client.accept = "application/json"
            let malformed = try await client.send(body: #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"nome":1}}"#)
            #expect(malformed.message?["error"] != nil, "\(malformed.body)")
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
