import Foundation
import MCP
import OpenStackKit
import OpenStackTools

/// Answers `tools/call` requests straight from the tool registry.
///
/// The SDK (0.12.1) turns every handler's result into a `Value` by encoding it and decoding it
/// again, and its `Value` decoder compiles a data-URL regex for every string. For a page of 100
/// servers that round trip cost about two thirds of the server's time (BENCHMARKS.md). Tool calls
/// are the only large answers, so they skip it: the request is decoded with the SDK's own
/// `CallTool` types, and the answer is written once in the form the SDK would write (plain-text
/// results through ``JSONValue/compactText()``, anything richer as the SDK's `Response<CallTool>`).
/// Everything else (initialize, lists, batches, notifications, malformed parameters) goes to the
/// SDK as before.
struct ToolCallFastPath: Sendable {
    let registry: ToolRegistry

    /// The envelope of a JSON-RPC request whose method is `tools/call`.
    private struct Envelope: Decodable {
        let jsonrpc: String
        let id: ID
        let method: String
        let params: CallTool.Parameters
    }

    /// A cheap test before decoding: whether the message may be a `tools/call` request.
    static func mayBeToolCall(_ message: Data) -> Bool {
        guard message.first(where: { !$0.isWhitespace }) == UInt8(ascii: "{") else { return false }
        return message.range(of: Data(#""tools/call""#.utf8)) != nil
    }

    /// The encoded JSON-RPC answer when `message` is one `tools/call` request; nil for anything else.
    func answer(_ message: Data) async -> Data? {
        guard Self.mayBeToolCall(message),
            let envelope = try? JSONDecoder().decode(Envelope.self, from: message),
            envelope.jsonrpc == "2.0", envelope.method == CallTool.name
        else { return nil }
        let response: Response<CallTool>
        do {
            let result = try await registry.call(name: envelope.params.name, arguments: envelope.params.arguments)
            response = Response(id: envelope.id, result: result)
        } catch let error as MCPError {
            response = Response(id: envelope.id, error: error)
        } catch {
            response = Response(id: envelope.id, error: .internalError("\(error)"))
        }
        if case .success(let result) = response.result, let direct = Self.written(id: envelope.id, result: result) {
            return direct
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(response)
    }

    /// The answer written by ``JSONValue/compactText()`` (the same bytes JSONEncoder writes, a few
    /// times faster) when the result holds only plain text blocks; nil for anything richer.
    static func written(id: ID, result: CallTool.Result) -> Data? {
        guard result._meta == nil else { return nil }
        var blocks: [JSONValue] = []
        for block in result.content {
            guard case .text(let text, nil, nil) = block else { return nil }
            blocks.append(["type": "text", "text": .string(text)])
        }
        var body: [String: JSONValue] = ["content": .array(blocks)]
        if let isError = result.isError { body["isError"] = .bool(isError) }
        if let structured = result.structuredContent {
            guard let json = JSONValue(structured) else { return nil }
            body["structuredContent"] = json
        }
        let identifier: JSONValue
        switch id {
        case .string(let text): identifier = .string(text)
        case .number(let number): identifier = .int(number)
        }
        let message: JSONValue = ["jsonrpc": "2.0", "id": identifier, "result": .object(body)]
        return Data(message.compactText().utf8)
    }
}

extension UInt8 {
    /// JSON's insignificant whitespace.
    fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
