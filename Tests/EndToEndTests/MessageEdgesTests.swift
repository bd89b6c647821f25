import AsyncHTTPClient
import Foundation
import NIOCore
import OpenStackKit
import OpenStackMCPServer
import Testing

/// Messages at the edges of the wire: numbers outside JSON's grammar, and messages over the size
/// limit, whose refusal must reach the request that waits for it (its own id, when it can be read).
@Suite struct MessageEdgesTests {
    /// Number forms other parsers let through; RFC 8259 does not.
    static let badNumbers = ["1.", "01", "-01", ".5", "1e", "1e+", "-", "+1", "1.e5", "0x10", "Infinity", "-Infinity", "NaN"]

    static func request(id: String) -> String { #"{"jsonrpc": "2.0", "id": \#(id), "method": "tools/list"}"# }

    @Test func numbersOutsideTheGrammarAreParseErrorsOverHTTP() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, jsonResponse: true)) { harness in
            let client = harness.client()
            for bad in Self.badNumbers {
                let response = try await client.send(body: Self.request(id: bad))
                #expect(response.status == 400, "\(bad): \(response.body)")
                #expect(response.message?["error"]?["code"]?.intValue == -32700, "\(bad): \(response.body)")
                #expect(response.message?["id"] == .null, "\(bad)")
            }
            // Valid numbers that are no integer id are refused as such, and nothing breaks on them.
            for big in ["1e400", "-1e400", "123456789012345678901234567890", "1.5"] {
                let response = try await client.send(body: Self.request(id: big))
                #expect(response.status == 400, "\(big)")
                #expect(response.message?["error"]?["code"]?.intValue == -32600, "\(big): \(response.body)")
                #expect(response.message?["id"] == .null, "\(big)")
            }
            let big = try await client.rpc("tools/call", ["name": "get_flavors", "arguments": ["limit": .double(1e300)]])
            #expect(big["result"]?["isError"] == true || big["error"] != nil, "\(big.compactText().prefix(300))")
            for good in ["1", "1.0", "1e0", "10E-1"] {
                let response = try await client.send(body: Self.request(id: good))
                #expect(response.message?["id"] == 1, "\(good): \(response.body.prefix(200))")
                #expect(response.message?["result"]?["tools"] != nil, "\(good)")
            }
        }
    }

    @Test func numbersOutsideTheGrammarAreParseErrorsOverStdio() async throws {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "error"])
        defer { server.terminate() }
        for bad in Self.badNumbers { server.write(Self.request(id: bad)) }
        server.write(Self.request(id: "1e400"))
        server.write(Self.request(id: "1."))
        server.write(Self.request(id: "2"))
        let expected = Self.badNumbers.count + 3
        #expect(await server.waitFor { out, _ in out.split(separator: "\n").count >= expected }, "\(server.standardOutput)")
        let answers = try server.standardOutput.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        #expect(answers.count == expected)
        #expect(answers.filter { $0["error"]?["code"] == -32700 && $0["id"] == .null }.count == Self.badNumbers.count + 1)
        #expect(answers.filter { $0["error"]?["code"] == -32600 && $0["id"] == .null }.count == 1, "1e400 is no integer id")
        #expect(answers.contains { $0["id"] == 2 && $0["result"]?["tools"] != nil })
    }

    // MARK: - Over the size limit

    static let pad = String(repeating: "x", count: 100_000)

    @Test func anOversizeLineIsAnsweredWithItsOwnIDOverStdio() async throws {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "error", "--max-body-bytes", "4096"])
        defer { server.terminate() }
        let pad = Self.pad
        server.write(#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_instances","arguments":{"filter":"\#(pad)"}}}"#)
        server.write(#"{"jsonrpc":"2.0","id":"call-8","method":"ping","params":{"pad":"\#(pad)"}}"#)
        server.write(#" { "params" : {"a": [1, {"b": "}]"}]}, "id" : "q\"9" , "method":"ping","params2":"\#(pad)"}"#)
        server.write(#"{"jsonrpc":"2.0","method":"ping","params":{"pad":"\#(pad)"},"id":10}"#)  // id after the big member
        server.write(#"{"jsonrpc":"2.0","id":true,"method":"ping","params":{"pad":"\#(pad)"}}"#)  // no id MCP allows
        // Just over the limit, so the whole line arrives in one read.
        server.write(#"{"jsonrpc":"2.0","id":11,"method":"ping","params":{"pad":"\#(String(repeating: "y", count: 4096))"}}"#)
        server.write(#"{"jsonrpc":"2.0","id":12,"method":"ping"}"#)
        #expect(await server.waitFor { out, _ in out.split(separator: "\n").count >= 7 }, "\(server.errorOutput)")
        try await Task.sleep(for: .milliseconds(200))
        let answers = try server.standardOutput.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        #expect(answers.count == 7)
        let refused = answers.filter { $0["error"]?["code"] == -32600 }
        #expect(refused.allSatisfy { $0["error"]?["message"]?.stringValue?.contains("longer than 4096 bytes") == true })
        let ids = refused.map { $0["id"] ?? .null }
        for id: JSONValue in [7, "call-8", "q\"9", 11] { #expect(ids.contains(id), "\(id) in \(ids)") }
        #expect(ids.filter { $0 == .null }.count == 2, "the id after the big member, and the boolean one: \(ids)")
        #expect(answers.contains { $0["id"] == 12 && $0["result"] != nil }, "still serving")
    }

    @Test func anOversizeBodyIsAnsweredWithItsOwnIDOverHTTP() async throws {
        try await ServerHarness.run(options: ServerOptions(port: 0, maxBodyBytes: 4096)) { harness in
            let client = harness.client()
            let pad = Self.pad
            let cases: [(String, JSONValue)] = [
                (#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_instances","arguments":{"filter":"\#(pad)"}}}"#, 7),
                (#"{"jsonrpc":"2.0","id":"call-8","method":"ping","params":{"pad":"\#(pad)"}}"#, "call-8"),
                (#" { "params" : {"a": [1, {"b": "}]"}]}, "id" : "q\"9" , "method":"ping","params2":"\#(pad)"}"#, "q\"9"),
                (#"{"jsonrpc":"2.0","method":"ping","params":{"pad":"\#(pad)"},"id":10}"#, .null),
                (#"{"jsonrpc":"2.0","id":null,"method":"ping","params":{"pad":"\#(pad)"}}"#, .null),
                (#"{"jsonrpc":"2.0","id":11,"method":"ping","params":{"pad":"\#(String(repeating: "y", count: 4096))"}}"#, 11),
            ]
            for (body, id) in cases {
                // With a Content-Length (refused before the body is read whole) and chunked (refused as it passes the limit).
                let declared = try await client.send(body: body)
                let chunked = try await Self.sendChunked(body, to: harness.endpoint)
                for (how, response) in [("Content-Length", declared), ("chunked", chunked)] {
                    #expect(response.status == 413, "\(how) \(id)")
                    #expect(response.message?["error"]?["code"] == -32600, "\(how) \(id): \(response.body.prefix(200))")
                    #expect(response.message?["id"] == id, "\(how): \(response.body.prefix(200))")
                }
            }
            // A client waiting for 100 Continue has sent no body: there is no id to read.
            let waiting = try await client.send(body: cases[0].0, headers: [("Expect", "100-continue")])
            #expect(waiting.status == 413 && waiting.message?["id"] == .null, "\(waiting.body)")
            // At the limit exactly, a message is served; the connection serves on after the refusals.
            let filler = String(repeating: " ", count: 4096 - #"{"jsonrpc":"2.0","id":5,"method":"ping"}"#.utf8.count)
            let exact = try await client.send(body: #"{"jsonrpc":"2.0","id":5,"method":"ping"}"# + filler)
            #expect(exact.status == 200 && exact.message?["id"] == 5, "\(exact.body)")
        }
    }

    /// POSTs `body` in several chunks with no Content-Length.
    static func sendChunked(_ body: String, to endpoint: String) async throws -> MCPTestClient.WireResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        request.headers.add(name: "Content-Type", value: "application/json")
        let bytes = Array(body.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 1000).map { ByteBuffer(bytes: bytes[$0..<min($0 + 1000, bytes.count)]) }
        request.body = .stream(AsyncStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }, length: .unknown)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        return .init(status: Int(response.status.code), headers: response.headers, body: text, message: MCPTestClient.message(from: text))
    }
}
