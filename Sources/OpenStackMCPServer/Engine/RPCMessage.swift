import Foundation
import OpenStackKit

/// A JSON-RPC request ID: MCP allows a string or an integer, never null.
public enum RPCID: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// The ID in `value`, or nil when it is not one MCP allows (null, a boolean, a fraction, ...).
    init?(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .int(number)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    var json: JSONValue {
        switch self {
        case .int(let number): return .int(number)
        case .string(let text): return .string(text)
        }
    }

    public var description: String { json.compactText() }
}

/// One JSON-RPC request the server must answer.
public struct RPCRequest: Sendable {
    public let id: RPCID
    public let method: String
    /// `params`, or an empty object when it was absent.
    public let params: [String: JSONValue]

    /// `params._meta`, when it is an object.
    var meta: [String: JSONValue]? { params["_meta"]?.objectValue }
}

/// What one incoming message is, after the JSON-RPC rules (spec: basic/index).
public enum IncomingMessage: Sendable {
    /// A request: it gets exactly one answer.
    case request(RPCRequest)
    /// A notification: it never gets an answer.
    case notification(method: String, params: [String: JSONValue])
    /// A response from the client. This server sends no requests, so there is nothing to match; no answer.
    case response
    /// Not a valid message: answered with this error (and the request's ID when it could be read).
    case invalid(RPCError, id: RPCID?)

    /// Classifies raw bytes. Never throws: every input has a verdict.
    public static func classify(_ bytes: Data) -> IncomingMessage {
        let parsed: (value: JSONValue, duplicateKeys: Bool)
        do {
            parsed = try JSONValue.parseMessage(bytes)
        } catch {
            return .invalid(.parseError("the message is not valid UTF-8 JSON"), id: nil)
        }
        guard case .object(let members) = parsed.value else {
            if case .array = parsed.value {
                return .invalid(.invalidRequest("batches are not part of MCP; send one message at a time"), id: nil)
            }
            return .invalid(.invalidRequest("a message must be a JSON object"), id: nil)
        }
        // Two members with one name could be read differently by two parsers on the way (a proxy
        // routing on one `method`, this server running the other), so such a message is refused.
        if parsed.duplicateKeys {
            return .invalid(.invalidRequest("the message repeats a member name"), id: nil)
        }
        return classify(members)
    }

    static func classify(_ members: [String: JSONValue]) -> IncomingMessage {
        let idMember = members["id"]
        let id = idMember.flatMap(RPCID.init)
        guard members["jsonrpc"] == "2.0" else {
            return .invalid(.invalidRequest("\"jsonrpc\" must be \"2.0\""), id: id)
        }
        guard let methodMember = members["method"] else {
            // A response: an id and exactly one of result and error.
            if idMember != nil, (members["result"] != nil) != (members["error"] != nil) { return .response }
            return .invalid(.invalidRequest("a request needs a \"method\""), id: id)
        }
        guard case .string(let method) = methodMember, !method.isEmpty else {
            return .invalid(.invalidRequest("\"method\" must be a non-empty string"), id: id)
        }
        if members["result"] != nil || members["error"] != nil {
            return .invalid(.invalidRequest("a request cannot carry \"result\" or \"error\""), id: id)
        }
        let params: [String: JSONValue]
        switch members["params"] {
        case .none: params = [:]
        case .object(let object): params = object
        default:
            guard let id else { return .notification(method: method, params: [:]) }
            return .invalid(.invalidParams("\"params\" must be an object"), id: id)
        }
        guard let idMember else { return .notification(method: method, params: params) }
        guard let id else {
            return .invalid(.invalidRequest("\"id\" must be a string or an integer (\(idMember.compactText()) is neither)"), id: nil)
        }
        return .request(RPCRequest(id: id, method: method, params: params))
    }
}
