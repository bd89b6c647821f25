import Foundation
import HTTPTypes
import OpenStackKit

/// The 2026-07-28 rule that the routing headers repeat the body (spec: Streamable HTTP, Server
/// Validation): a proxy that routes on `Mcp-Method` must see what the server will run.
enum ModernHeaders {
    static let protocolVersion = HTTPField.Name("MCP-Protocol-Version")!
    static let method = HTTPField.Name("Mcp-Method")!
    static let name = HTTPField.Name("Mcp-Name")!

    /// The body member that `Mcp-Name` mirrors, by method.
    static let nameBearing = ["tools/call": "name", "prompts/get": "name", "resources/read": "uri"]

    /// The mismatch, if any, between the headers and a request whose `_meta` declares `version`.
    static func mismatch(_ headers: HTTPFields, request: RPCRequest, version: JSONValue) -> RPCError? {
        for field in [protocolVersion, method, name] where headers[values: field].count > 1 {
            return .headerMismatch("\(field.canonicalName) appears more than once")
        }
        guard let header = headers[protocolVersion], .string(header) == version else {
            return .headerMismatch(
                "the MCP-Protocol-Version header (\(headers[protocolVersion] ?? "missing")) must equal "
                    + "_meta.io.modelcontextprotocol/protocolVersion (\(version.compactText()))")
        }
        guard headers[method] == request.method else {
            return .headerMismatch(
                "the Mcp-Method header (\(headers[method] ?? "missing")) must equal the body's method (\(request.method))")
        }
        if let key = nameBearing[request.method], case .string(let expected)? = request.params[key] {
            guard let raw = headers[name], let decoded = decode(raw), decoded == expected else {
                return .headerMismatch("the Mcp-Name header must equal the body's \(key) (\(expected))")
            }
        }
        return nil
    }

    /// A header value, with the `=?base64?…?=` form decoded; nil when that form is not valid base64 UTF-8.
    static func decode(_ value: String) -> String? {
        guard value.hasPrefix("=?base64?"), value.hasSuffix("?="), value.count >= 11 else { return value }
        let payload = value.dropFirst(9).dropLast(2)
        guard let data = Data(base64Encoded: String(payload)) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
