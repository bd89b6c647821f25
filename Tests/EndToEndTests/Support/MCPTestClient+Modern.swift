import Foundation
import OpenStackKit

/// 2026-07-28 requests: `_meta` in the body and the routing headers, as a conforming client sends them.
extension MCPTestClient {
    static let modernVersion = "2026-07-28"

    /// The body of a modern request, with `_meta` merged into `params`.
    static func modernBody(id: Int, method: String, params: JSONValue = [:], version: String = modernVersion) -> String {
        var members = params.objectValue ?? [:]
        var meta = members["_meta"]?.objectValue ?? [:]
        meta["io.modelcontextprotocol/protocolVersion"] = .string(version)
        meta["io.modelcontextprotocol/clientCapabilities"] = [:]
        meta["io.modelcontextprotocol/clientInfo"] = ["name": "e2e", "version": "1"]
        members["_meta"] = .object(meta)
        let body: JSONValue = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(members)]
        return body.compactText()
    }

    /// The routing headers that mirror a body (Mcp-Name where the method names something).
    static func modernHeaders(method: String, params: JSONValue = [:], version: String = modernVersion) -> [(String, String)] {
        var headers = [("MCP-Protocol-Version", version), ("Mcp-Method", method)]
        if let name = (params["name"] ?? params["uri"])?.stringValue { headers.append(("Mcp-Name", name)) }
        return headers
    }

    /// Sends a well-formed modern request and returns the wire response.
    func modern(_ method: String, _ params: JSONValue = [:], headers extra: [(String, String)] = []) async throws
        -> WireResponse
    {
        var headers = Self.modernHeaders(method: method, params: params)
        for (name, value) in extra {
            headers.removeAll { $0.0.lowercased() == name.lowercased() }
            headers.append((name, value))
        }
        return try await send(body: Self.modernBody(id: 1, method: method, params: params), headers: headers)
    }
}
