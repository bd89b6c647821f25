import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OpenStackKit

/// A minimal MCP client over Streamable HTTP that reads both JSON and SSE answers, so tests can
/// check the exact wire behaviour (status codes, headers, framing) as well as results.
final class MCPTestClient: @unchecked Sendable {
    struct WireResponse {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        /// The JSON-RPC message (from a JSON body or the first SSE `data:` line).
        var message: JSONValue?
    }

    struct ToolResult {
        var structured: JSONValue
        var text: String
        var isError: Bool
        var items: [JSONValue] { structured["items"]?.arrayValue ?? [] }
    }

    let endpoint: String
    private let http: HTTPClient
    private var nextID = 1
    var sessionID: String?
    var accept = "application/json, text/event-stream"
    /// Sent with every request (e.g. `Authorization`), before the per-request headers.
    var extraHeaders: [(String, String)] = []

    init(endpoint: String) {
        self.endpoint = endpoint
        // The shared client needs no shutdown, so short-lived test clients cannot leak one.
        self.http = HTTPClient.shared
    }

    func shutdown() async {}

    /// Sends raw bytes with the given method and extra headers.
    func send(method: HTTPMethod = .POST, body: String?, headers: [(String, String)] = []) async throws -> WireResponse {
        try await send(method: method, bytes: body.map { Array($0.utf8) }, headers: headers)
    }

    /// Sends raw bytes, which need not be UTF-8.
    func send(method: HTTPMethod = .POST, bytes body: [UInt8]?, headers: [(String, String)] = [],
              timeout: TimeAmount = .seconds(60)) async throws -> WireResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "Content-Type", value: "application/json")
        if let sessionID { request.headers.add(name: "Mcp-Session-Id", value: sessionID) }
        for (name, value) in extraHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await http.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 64 << 20)
        let text = String(buffer: buffer)
        if let id = response.headers.first(name: "Mcp-Session-Id") { sessionID = id }
        return WireResponse(
            status: Int(response.status.code), headers: response.headers, body: text, message: Self.message(from: text))
    }

    static func message(from body: String) -> JSONValue? {
        if let json = try? JSONValue.parse(Data(body.utf8)) { return json }
        for line in body.split(separator: "\n") where line.hasPrefix("data:") {
            let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            if !payload.isEmpty, let json = try? JSONValue.parse(Data(payload.utf8)) { return json }
        }
        return nil
    }

    /// A JSON-RPC request; returns the whole response message.
    func rpc(_ method: String, _ params: JSONValue = [:]) async throws -> JSONValue {
        let id = nextID
        nextID += 1
        let body: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let response = try await send(body: body.compactText())
        guard let message = response.message else {
            throw TestFailure("no JSON-RPC message in HTTP \(response.status): \(response.body.prefix(300))")
        }
        return message
    }

    func initialize() async throws -> JSONValue {
        let result = try await rpc(
            "initialize",
            ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "e2e", "version": "1"]])
        _ = try await send(body: #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        return result
    }

    func listTools() async throws -> [JSONValue] {
        try await rpc("tools/list")["result"]?["tools"]?.arrayValue ?? []
    }

    func call(_ name: String, _ arguments: JSONValue = [:]) async throws -> ToolResult {
        let message = try await rpc("tools/call", ["name": .string(name), "arguments": arguments])
        guard let result = message["result"] else { throw TestFailure("JSON-RPC error: \(message.compactText())") }
        let text = result["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        return ToolResult(
            structured: result["structuredContent"] ?? .null, text: text, isError: result["isError"]?.boolValue ?? false)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
