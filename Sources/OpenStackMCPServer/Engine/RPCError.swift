import Foundation
import OpenStackKit
import OpenStackTools

/// A JSON-RPC error answer, with the HTTP status the Streamable HTTP transport gives it.
public struct RPCError: Error, Sendable, Equatable {
    public let code: Int
    public let message: String
    public let data: JSONValue?
    /// 200 for errors a handler returns; 400 or 404 where the transport page asks for them.
    public let httpStatus: Int

    public init(code: Int, message: String, data: JSONValue? = nil, httpStatus: Int = 200) {
        self.code = code
        self.message = message
        self.data = data
        self.httpStatus = httpStatus
    }

    static func parseError(_ detail: String) -> RPCError {
        RPCError(code: -32700, message: "Parse error: \(detail)", httpStatus: 400)
    }

    static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(code: -32600, message: "Invalid request: \(detail)", httpStatus: 400)
    }

    static func invalidParams(_ detail: String, httpStatus: Int = 200) -> RPCError {
        RPCError(code: -32602, message: "Invalid params: \(detail)", httpStatus: httpStatus)
    }

    /// An unknown method. The 2026-07-28 transport answers it with HTTP 404; earlier eras with 200.
    static func methodNotFound(_ method: String, era: ProtocolEra, hint: String = "") -> RPCError {
        RPCError(
            code: -32601, message: "Method not found: \(method)\(hint)", httpStatus: era == .modern ? 404 : 200)
    }

    static func headerMismatch(_ detail: String) -> RPCError {
        RPCError(code: -32020, message: "Header mismatch: \(detail)", httpStatus: 400)
    }

    static func unsupportedVersion(_ requested: String) -> RPCError {
        RPCError(
            code: -32022, message: "Unsupported protocol version \(requested)",
            data: ["supported": .array(ProtocolVersions.all.map(JSONValue.string)), "requested": .string(requested)],
            httpStatus: 400)
    }

    static func internalError(_ detail: String) -> RPCError {
        RPCError(code: -32603, message: "Internal error: \(detail)", httpStatus: 500)
    }

    /// An error the tool layer threw (an unknown tool, prompt or resource). From 2026-07-28 a
    /// missing resource is -32602, not the older -32002.
    static func from(_ error: ProtocolError, era: ProtocolEra) -> RPCError {
        switch error.kind {
        case .invalidParams: return .invalidParams(error.detail)
        case .resourceNotFound: return RPCError(code: era == .modern ? -32602 : -32002, message: error.detail)
        }
    }
}
