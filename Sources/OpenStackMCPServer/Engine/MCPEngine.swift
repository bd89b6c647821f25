import Foundation
import Logging
import OpenStackKit
import OpenStackTools

/// The one MCP protocol engine: every method of both eras, for every transport.
///
/// Transports hand it classified messages (``IncomingMessage``) and write the bytes it returns;
/// it never touches a socket or a pipe. It parses and writes with OpenStackKit's JSON code, and
/// no request goes through `Codable`.
public struct MCPEngine: Sendable {
    public static let version = "0.2.0"

    public let registry: ToolRegistry
    let description: ServerDescription
    let logger: Logger

    public init(registry: ToolRegistry, logger: Logger? = nil) {
        self.registry = registry
        self.description = ServerDescription(registry: registry, version: Self.version)
        self.logger = logger ?? registry.context.logger
    }

    /// One encoded JSON-RPC answer and the HTTP status the Streamable HTTP transport gives it.
    public struct Answer: Sendable {
        public let bytes: [UInt8]
        public let httpStatus: Int
    }

    /// The era of a request, or the error that refuses it (spec 2026-07-28, basic/versioning):
    /// `initialize` opens the legacy era; a `_meta` protocol version makes the request modern.
    public func era(of request: RPCRequest) -> Result<ProtocolEra, RPCError> {
        if request.method == "initialize" { return .success(.legacy) }
        guard let meta = request.meta, let declared = meta[ProtocolVersions.Meta.protocolVersion] else {
            return .success(.legacy)
        }
        guard case .string(let version) = declared else {
            return .failure(.invalidParams("_meta.\(ProtocolVersions.Meta.protocolVersion) must be a string", httpStatus: 400))
        }
        guard ProtocolVersions.modern.contains(version) else { return .failure(.unsupportedVersion(version)) }
        guard case .object = meta[ProtocolVersions.Meta.clientCapabilities] else {
            return .failure(
                .invalidParams(
                    "a \(version) request needs _meta.\(ProtocolVersions.Meta.clientCapabilities) (an object)",
                    httpStatus: 400))
        }
        return .success(.modern)
    }

    /// Answers one request in the given era. Never throws: every failure is a JSON-RPC error.
    ///
    /// - Parameters:
    ///   - progress: receives `notifications/progress` bytes when the request carries a progress
    ///     token; nil where the transport cannot deliver them.
    ///   - visibleTools: the tools this request may list and call (`X-MCP-Toolsets`); nil: all offered.
    public func answer(
        _ request: RPCRequest, era: ProtocolEra, progress: (@Sendable ([UInt8]) -> Void)? = nil,
        visibleTools: Set<String>? = nil
    ) async -> Answer {
        await answer(request, era: era, progress: progress, visibleTools: visibleTools, caller: nil)
    }

    /// As above, for one caller of `--identity caller`: their tools, clouds and instructions
    /// (`visibleTools` must already be within what they may see).
    func answer(
        _ request: RPCRequest, era: ProtocolEra, progress: (@Sendable ([UInt8]) -> Void)?, visibleTools: Set<String>?,
        caller: ResolvedCaller?
    ) async -> Answer {
        if let visibleTools, request.method == "tools/list" || request.method == "tools/call" {
            if request.method == "tools/list" {
                return Answer(
                    bytes: RPCWire.result(id: request.id, encoded: description.narrowedToolList(visibleTools, era: era)),
                    httpStatus: 200)
            }
            if case .string(let name)? = request.params["name"], !visibleTools.contains(name), registry.tool(named: name) != nil {
                return failure(request, .invalidParams(Self.hiddenReason(name, caller: caller)))
            }
        }
        if let caller, request.method == "server/discover", era == .modern {
            let result = ServerDescription.modern(ServerDescription.discover(note: caller.note), serverInfo: description.serverInfo)
            return Answer(bytes: RPCWire.result(id: request.id, result), httpStatus: 200)
        }
        if let fixed = description.fixedResult(request.method, era: era) {
            if request.params["cursor"].map({ !$0.isNull }) == true {
                return failure(request, .invalidParams("this list has a single page; send it without \"cursor\""))
            }
            return Answer(bytes: RPCWire.result(id: request.id, encoded: fixed), httpStatus: 200)
        }
        let outcome: Result<[String: JSONValue], RPCError>
        do {
            outcome = .success(try await run(request, era: era, progress: progress, caller: caller, visibleTools: visibleTools))
        } catch let error as RPCError {
            outcome = .failure(error)
        } catch let error as ProtocolError {
            outcome = .failure(.from(error, era: era))
        } catch {
            logger.error("request failed", metadata: ["method": "\(request.method)", "error": "\(error)"])
            outcome = .failure(.internalError("\(error)"))
        }
        switch outcome {
        case .success(let result):
            let body = era == .modern ? ServerDescription.modern(result, serverInfo: description.serverInfo) : result
            return Answer(bytes: RPCWire.result(id: request.id, body), httpStatus: 200)
        case .failure(let error):
            return failure(request, error)
        }
    }

    /// Why a known tool is not this request's to call.
    static func hiddenReason(_ name: String, caller: ResolvedCaller?) -> String {
        if let caller, caller.visibility.hiddenForRole.contains(name) {
            return "tool '\(name)' needs the admin role, which Keystone user \(caller.token.userName ?? "?") lacks in project \(caller.token.projectName ?? "?")"
        }
        if let caller, caller.visibility.hiddenForCatalog.contains(name) {
            return "tool '\(name)' reads a service that is not in your Keystone catalog"
        }
        return "tool '\(name)' is not in the toolsets this request chose (X-MCP-Toolsets, X-MCP-Tools)"
    }

    private func failure(_ request: RPCRequest, _ error: RPCError) -> Answer {
        logger.debug("request refused", metadata: ["method": "\(request.method)", "code": "\(error.code)"])
        return Answer(bytes: RPCWire.error(id: request.id, error), httpStatus: error.httpStatus)
    }

    private func run(
        _ request: RPCRequest, era: ProtocolEra, progress: (@Sendable ([UInt8]) -> Void)?, caller: ResolvedCaller?,
        visibleTools: Set<String>?
    ) async throws -> [String: JSONValue] {
        switch (request.method, era) {
        case ("initialize", _):
            return try initialize(request.params, note: caller?.note)
        case ("ping", .legacy):
            return [:]
        case ("logging/setLevel", .legacy):
            return try setLevel(request.params)
        case ("tools/call", _):
            return try await callTool(request.params, progress: progress, caller: caller)
        case ("resources/read", _):
            return try await readResource(request.params, era: era, caller: caller, visibleTools: visibleTools)
        case ("prompts/get", _):
            return try getPrompt(request.params)
        case ("server/discover", .legacy):
            throw RPCError.invalidParams(
                "server/discover is a 2026-07-28 method: put io.modelcontextprotocol/protocolVersion and "
                    + "io.modelcontextprotocol/clientCapabilities in params._meta, or send initialize",
                httpStatus: 400)
        case ("ping", .modern), ("logging/setLevel", .modern):
            throw RPCError.methodNotFound(request.method, era: era, hint: " (removed in 2026-07-28)")
        default:
            throw RPCError.methodNotFound(request.method, era: era)
        }
    }

    /// Legacy handshake: the client's version when this server speaks it, else the newest legacy one.
    private func initialize(_ params: [String: JSONValue], note: String?) throws -> [String: JSONValue] {
        guard case .string(let requested)? = params["protocolVersion"] else {
            throw RPCError.invalidParams("initialize needs \"protocolVersion\" (a string such as \"2025-11-25\")")
        }
        let version = ProtocolVersions.legacy.contains(requested) ? requested : ProtocolVersions.legacy[0]
        return description.initializeResult(version: version, note: note)
    }

    static let logLevels: Set<String> = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]

    /// Accepted and checked; the server sends no log notifications (its log goes to stderr).
    private func setLevel(_ params: [String: JSONValue]) throws -> [String: JSONValue] {
        guard case .string(let level)? = params["level"], Self.logLevels.contains(level) else {
            throw RPCError.invalidParams("\"level\" must be one of \(Self.logLevels.sorted().joined(separator: ", "))")
        }
        return [:]
    }
}
