import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OpenStackKit
import OpenStackTools

/// Answers `/openstack` (and `/openstack/`, and the alias `/mcp`, `/mcp/`): the Host and Origin
/// guards, then methods, bodies and the protocol engine, in both eras.
struct MCPHTTPHandler: Sendable {
    /// The MCP endpoint and its alias (the path many clients try first); each answers the same.
    static let endpoints = ["/openstack", "/mcp"]
    static let paths = Set(endpoints.flatMap { [$0, $0 + "/"] })
    /// The endpoint that `path` names, without its trailing slash; nil for any other path.
    static func endpoint(of path: String) -> String? {
        guard paths.contains(path) else { return nil }
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }
    /// Per-request narrowing of the tool surface (comma-separated toolsets and tools).
    static let toolsetsHeader = HTTPField.Name("X-MCP-Toolsets")!
    static let toolsHeader = HTTPField.Name("X-MCP-Tools")!
    let options: ServerOptions
    let engine: MCPEngine
    let sessions: SessionStore?
    let guardrail: RequestGuard
    let ops: OpsEndpoints
    let authenticator: HTTPAuthenticator
    /// `--identity caller`: finds each request's caller; nil when the server reads as itself.
    let callers: CallerResolver?
    let logger: Logger

    init(
        options: ServerOptions, engine: MCPEngine, sessions: SessionStore?, authenticator: HTTPAuthenticator = .open(),
        identity: CallerIdentity? = nil, logger: Logger
    ) {
        self.options = options
        self.engine = engine
        self.sessions = sessions
        self.guardrail = RequestGuard(options: options)
        self.ops = OpsEndpoints(readiness: Readiness(clouds: engine.registry.context.clouds))
        self.authenticator = authenticator
        self.callers = identity.map {
            CallerResolver(
                directory: $0.directory, settings: $0.settings, authenticator: authenticator, registry: engine.registry,
                logger: logger)
        }
        self.logger = logger
    }

    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        if let probe = await ops.probe(path) { return probe }
        if let metadata = authenticator.metadata(for: request) { return metadata }
        guard Self.paths.contains(path) || path == OpsEndpoints.metricsPath else {
            return HTTPAnswers.error(.invalidRequest("not found: the MCP endpoint is /openstack (or its alias /mcp)"), status: 404)
        }
        guard guardrail.allowsHost(request.head.authority) else {
            logger.warning("refused host", metadata: ["host": "\(request.head.authority ?? "")"])
            return HTTPAnswers.error(
                .invalidRequest("Host not allowed; start the server with --allowed-host to serve this name"), status: 421)
        }
        guard guardrail.allowsOrigin(request.headers[.origin]) else {
            logger.warning("refused origin", metadata: ["origin": "\(request.headers[.origin] ?? "")"])
            return HTTPAnswers.error(
                .invalidRequest("Origin not allowed; start the server with --allowed-origin to accept this origin"),
                status: 403)
        }
        // /metrics sits behind the same auth as the MCP endpoint; --metrics-port serves it apart.
        var caller: ResolvedCaller?
        if let callers {
            switch await callers.resolve(request) {
            case .refused(let refusal): return refusal
            case .caller(let found): caller = found
            }
        } else if let refusal = await authenticator.refusal(for: request) {
            return refusal
        }
        if path == OpsEndpoints.metricsPath { return ops.metrics() }
        switch request.method {
        case .post:
            return await post(request, caller: caller)
        case .get where sessions != nil:
            return await openStream(request)
        case .delete where sessions != nil:
            return await deleteSession(request)
        default:
            let allowed = sessions == nil ? "POST" : "GET, POST, DELETE"
            return HTTPAnswers.error(
                RPCError(code: -32600, message: "Method not allowed: the MCP endpoint takes \(allowed)"), status: 405,
                extra: [.allow: allowed])
        }
    }

    private func post(_ request: Request, caller: ResolvedCaller?) async -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodyBytes {
            // A client waiting for 100 Continue has sent no body to read an id from.
            let waiting = request.headers[.expect]?.lowercased() == "100-continue"
            return tooLarge(prefix: waiting ? [] : await BoundedBody.prefix(of: request.body))
        }
        guard (request.headers[.contentType] ?? "").lowercased().contains("application/json") else {
            return HTTPAnswers.error(.invalidRequest("Content-Type must be application/json"), status: 415)
        }
        guard Self.acceptsAnswers(request.headers[.accept]) else {
            return HTTPAnswers.error(
                .invalidRequest("Accept must allow application/json or text/event-stream"), status: 406)
        }
        let body: ByteBuffer
        switch await BoundedBody.read(request.body, limit: options.maxBodyBytes) {
        case .whole(let whole): body = whole
        case .tooLarge(let prefix): return tooLarge(prefix: prefix)
        }
        switch IncomingMessage.classify(Data(body.readableBytesView)) {
        case .invalid(let error, let id):
            return HTTPAnswers.json(RPCWire.error(id: id, error), status: error.httpStatus)
        case .notification, .response:
            // Nothing to answer; a notification POST is 202 in both eras. (On HTTP a client
            // cancels by closing the stream, so notifications/cancelled needs no handling here.)
            return HTTPAnswers.accepted()
        case .request(let rpc):
            return await answer(rpc, request: request, caller: caller)
        }
    }

    private func answer(_ rpc: RPCRequest, request: Request, caller: ResolvedCaller?) async -> Response {
        let refuse = { (error: RPCError) in HTTPAnswers.json(RPCWire.error(id: rpc.id, error), status: error.httpStatus) }
        if let declared = rpc.meta?[ProtocolVersions.Meta.protocolVersion], rpc.method != "initialize",
            let mismatch = ModernHeaders.mismatch(request.headers, request: rpc, version: declared)
        {
            return refuse(mismatch)
        }
        let era: ProtocolEra
        switch engine.era(of: rpc) {
        case .failure(let error): return refuse(error)
        case .success(let found): era = found
        }
        var extra: HTTPFields = [:]
        if era == .legacy {
            if let problem = Self.legacyVersionProblem(request.headers[ModernHeaders.protocolVersion], method: rpc.method) {
                return refuse(problem)
            }
            if let sessions {
                switch await legacySession(rpc, request: request, sessions: sessions) {
                case .refused(let response): return response
                case .session(let id): extra[HTTPAnswers.sessionHeader] = id
                case .none: break
                }
            }
        }
        var narrowed: Set<String>?
        do {
            narrowed = try ToolSelection.narrowing(
                toolsets: request.headers[Self.toolsetsHeader], tools: request.headers[Self.toolsHeader],
                offered: engine.registry.tools)
        } catch {
            return refuse(.invalidParams("\(error)", httpStatus: 400))
        }
        // A caller sees only what their roles and catalog allow, whatever the headers ask.
        let visible = caller.map { narrowed?.intersection($0.visibility.visible) ?? $0.visibility.visible } ?? narrowed
        let sse = !options.jsonResponse && (request.headers[.accept] ?? "").contains("text/event-stream")
        // Only calls that reach OpenStack take long enough to stream progress or to be cancelled.
        if sse, rpc.method == "tools/call" || rpc.method == "resources/read" {
            let engine = self.engine
            return HTTPAnswers.stream(keepAlive: options.keepAliveInterval, extra: extra) { events in
                let answer = await engine.answer(
                    rpc, era: era, progress: { events.yield(HTTPAnswers.event($0)) }, visibleTools: visible, caller: caller)
                events.yield(HTTPAnswers.event(answer.bytes))
            }
        }
        let answer = await engine.answer(rpc, era: era, progress: nil, visibleTools: visible, caller: caller)
        if rpc.method == "initialize", answer.httpStatus != 200 || answer.bytes.isErrorAnswer,
            let id = extra[HTTPAnswers.sessionHeader]
        {
            await sessions?.close(id)
            extra[HTTPAnswers.sessionHeader] = nil
        }
        if sse, answer.httpStatus == 200 { return HTTPAnswers.sse(answer.bytes, extra: extra) }
        return HTTPAnswers.json(answer.bytes, status: answer.httpStatus, extra: extra)
    }

    /// 413, with the request's id when the body's first bytes name one (else the client's request never gets its answer).
    private func tooLarge(prefix: [UInt8]) -> Response {
        let error = RPCError.invalidRequest("the body is larger than \(options.maxBodyBytes) bytes")
        return HTTPAnswers.json(RPCWire.error(id: LeadingID.find(in: prefix), error), status: 413)
    }

    /// True when the client takes JSON or SSE answers (an absent Accept takes anything).
    static func acceptsAnswers(_ accept: String?) -> Bool {
        guard let accept = accept?.lowercased(), !accept.isEmpty else { return true }
        return ["application/json", "text/event-stream", "*/*", "application/*", "text/*"].contains { accept.contains($0) }
    }

    /// A legacy request's MCP-Protocol-Version header must name a version this server speaks.
    /// A modern version there with no `_meta` in the body is a modern request missing its fields.
    static func legacyVersionProblem(_ header: String?, method: String) -> RPCError? {
        guard let header, method != "initialize" else { return nil }
        if ProtocolVersions.modern.contains(header) {
            return .invalidParams(
                "a \(header) request carries io.modelcontextprotocol/protocolVersion and clientCapabilities in params._meta",
                httpStatus: 400)
        }
        guard ProtocolVersions.legacy.contains(header) else { return .unsupportedVersion(header) }
        return nil
    }
}

extension [UInt8] {
    /// Whether an encoded JSON-RPC answer is an error (its first member is `"error"`: keys are sorted).
    fileprivate var isErrorAnswer: Bool { starts(with: Array(#"{"error":"#.utf8)) }
}
