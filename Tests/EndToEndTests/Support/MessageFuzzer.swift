import CloudSimulator
import Foundation
import OpenStackKit

/// Seeded, deterministic MCP messages: valid ones, malformed ones and hostile ones, each with
/// the answer the JSON-RPC and MCP rules call for. The expectation is decided by how the
/// message was built, not by re-running the server's own classifier.
struct MessageFuzzer {
    enum Expected: Equatable, CustomStringConvertible {
        /// No answer at all (notifications and responses); on HTTP, 202 with an empty body.
        case silence
        /// A result for this id.
        case result(id: Int)
        /// An error with this code, for this id (nil: `"id": null`).
        case error(code: Int, id: Int?)

        var description: String {
            switch self {
            case .silence: return "silence"
            case .result(let id): return "result(\(id))"
            case .error(let code, let id): return "error(\(code), id \(id.map(String.init) ?? "null"))"
            }
        }
    }

    struct Case {
        var kind: String
        var bytes: [UInt8]
        var expected: Expected
        /// HTTP headers a conforming client would add (the routing headers of a modern request).
        var headers: [(String, String)] = []
    }

    private var generator: SplitMix64
    private var nextID = 1000

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    private mutating func random() -> UInt64 { generator.next() }

    private mutating func below(_ bound: Int) -> Int { generator.int(bound) }

    private mutating func id() -> Int {
        nextID += 1
        return nextID
    }

    private static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let modernMeta =
        #""_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}"#

    mutating func next() -> Case {
        let n = id()
        let valid = #"{"jsonrpc":"2.0","id":\#(n),"method":"ping"}"#
        switch below(25) {
        case 0: return Case(kind: "ping", bytes: Self.text(valid), expected: .result(id: n))
        case 1:
            return Case(kind: "tools/list", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"tools/list"}"#), expected: .result(id: n))
        case 2:
            return Case(
                kind: "modern discover",
                bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"server/discover","params":{\#(Self.modernMeta)}}"#),
                expected: .result(id: n),
                headers: [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "server/discover")])
        case 3:
            let cut = 1 + below(valid.utf8.count - 1)
            return Case(kind: "truncated", bytes: Array(Self.text(valid).prefix(cut)), expected: .error(code: -32700, id: nil))
        case 4:
            let garbage = (0..<(1 + below(60))).map { _ in UInt8(0x21 + below(0x5E)) }.filter { $0 != 0x0A }
            return Case(kind: "garbage", bytes: [UInt8(ascii: "@")] + garbage, expected: .error(code: -32700, id: nil))
        case 5:
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in valid.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return Case(kind: "UTF-16 body", bytes: utf16.filter { $0 != 0x0A }, expected: .error(code: -32700, id: nil))
        case 6:
            let depth = 600 + below(2000)
            return Case(
                kind: "deep nesting", bytes: Self.text(String(repeating: "[", count: depth)), expected: .error(code: -32700, id: nil))
        case 7:
            return Case(
                kind: "invalid UTF-8", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"p"#) + [0xC3, 0x28] + Self.text(#""}"#),
                expected: .error(code: -32700, id: nil))
        case 8:
            return Case(kind: "no jsonrpc", bytes: Self.text(#"{"id":\#(n),"method":"ping"}"#), expected: .error(code: -32600, id: n))
        case 9:
            return Case(
                kind: "jsonrpc 1.0", bytes: Self.text(#"{"jsonrpc":"1.0","id":\#(n),"method":"ping"}"#), expected: .error(code: -32600, id: n))
        case 10:
            let bad = ["true", "false", "null", "1.5", "{}", "[]", "-0.25"][below(7)]
            return Case(
                kind: "id \(bad)", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(bad),"method":"tools/list"}"#),
                expected: .error(code: -32600, id: nil))
        case 11:
            return Case(
                kind: "method not a string", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":42}"#),
                expected: .error(code: -32600, id: n))
        case 12:
            return Case(
                kind: "request with result", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"ping","result":{}}"#),
                expected: .error(code: -32600, id: n))
        case 13:
            return Case(
                kind: "duplicate keys", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"ping","method":"tools/list"}"#),
                expected: .error(code: -32600, id: nil))
        case 14:
            let batch = below(2) == 0 ? "[]" : "[\(valid),\(valid)]"
            return Case(kind: "batch", bytes: Self.text(batch), expected: .error(code: -32600, id: nil))
        case 15:
            let scalar = ["42", #""ping""#, "null", "true"][below(4)]
            return Case(kind: "scalar \(scalar)", bytes: Self.text(scalar), expected: .error(code: -32600, id: nil))
        case 16:
            return Case(
                kind: "params array", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"tools/list","params":[1]}"#),
                expected: .error(code: -32602, id: n))
        case 17:
            return Case(
                kind: "unknown method", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"tools/destroy"}"#),
                expected: .error(code: -32601, id: n))
        case 18:
            let method = ["notifications/initialized", "notifications/whatever", "ping"][below(3)]
            return Case(kind: "notification", bytes: Self.text(#"{"jsonrpc":"2.0","method":"\#(method)"}"#), expected: .silence)
        case 19:
            return Case(
                kind: "cancel unknown", bytes: Self.text(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":999999}}"#),
                expected: .silence)
        case 20:
            let response = below(2) == 0
                ? #"{"jsonrpc":"2.0","id":\#(n),"result":{}}"#
                : #"{"jsonrpc":"2.0","id":\#(n),"error":{"code":-1,"message":"x"}}"#
            return Case(kind: "response", bytes: Self.text(response), expected: .silence)
        case 21:
            return Case(
                kind: "unknown tool", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"tools/call","params":{"name":"rm_rf"}}"#),
                expected: .error(code: -32602, id: n))
        case 22:
            return Case(
                kind: "string id", bytes: Self.text(#"{"jsonrpc":"2.0","id":"s-\#(n)","method":"ping"}"#), expected: .result(id: -n))
        case 23:
            // Number forms outside RFC 8259's grammar: the message is not JSON.
            let bad = ["1.", "01", "-01", ".5", "1e", "1e+", "-", "+1", "1.e5", "0x10", "Infinity", "NaN"][below(12)]
            return Case(
                kind: "id \(bad)", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(bad),"method":"tools/list"}"#),
                expected: .error(code: -32700, id: nil))
        default:
            // Valid JSON a Swift string cannot hold: read as U+FFFD, an unknown method.
            return Case(
                kind: "lone surrogate", bytes: Self.text(#"{"jsonrpc":"2.0","id":\#(n),"method":"\ud800"}"#),
                expected: .error(code: -32601, id: n))
        }
    }

    /// Whether `message` (one parsed answer) is what `expected` calls for. String IDs are
    /// expected as negative numbers: `"s-N"` is `-N`.
    static func matches(_ message: JSONValue, _ expected: Expected) -> Bool {
        guard message["jsonrpc"] == "2.0" else { return false }
        func idMatches(_ id: Int?) -> Bool {
            guard let id else { return message["id"] == .null }
            if id < 0 { return message["id"] == .string("s-\(-id)") }
            return message["id"]?.intValue == id
        }
        switch expected {
        case .silence: return false
        case .result(let id): return idMatches(id) && message["result"]?.objectValue != nil && message["error"] == nil
        case .error(let code, let id):
            return idMatches(id) && message["error"]?["code"]?.intValue == code && message["error"]?["message"]?.stringValue != nil
        }
    }
}
