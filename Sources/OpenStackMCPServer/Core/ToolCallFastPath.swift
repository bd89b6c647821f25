import Foundation
import MCP
import OpenStackTools

/// Answers `tools/call` requests straight from the tool registry.
///
/// The SDK (0.12.1) turns every handler's result into a `Value` by encoding it and decoding it
/// again, and its `Value` decoder compiles a data-URL regex for every string. For a page of 100
/// servers that round trip cost about two thirds of the server's time (BENCHMARKS.md). Tool calls
/// are the only large answers, so they skip it: the request is decoded with the SDK's own
/// `CallTool` types and the answer is the SDK's own `Response<CallTool>`, encoded once, in the same
/// form the SDK would write. Anything else (initialize, lists, batches, notifications, malformed
/// parameters) goes to the SDK as before.
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(response)
    }
}

extension UInt8 {
    /// JSON's insignificant whitespace.
    fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
