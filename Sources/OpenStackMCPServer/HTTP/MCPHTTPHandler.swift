import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MCP
import NIOCore

/// Answers `/openstack` (and `/openstack/`): guards, body limits, then the SDK transports.
struct MCPHTTPHandler: Sendable {
    static let paths: Set<String> = ["/openstack", "/openstack/"]

    let options: ServerOptions
    let factory: MCPServerFactory
    let sessions: SessionStore?
    let guardrail: RequestGuard
    let fastPath: ToolCallFastPath
    let logger: Logger
    /// The checks of the stateless SDK transport, also applied to the tool-call fast path.
    static let validation = StandardValidationPipeline(validators: [
        AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
    ])

    init(options: ServerOptions, factory: MCPServerFactory, sessions: SessionStore?, logger: Logger) {
        self.options = options
        self.factory = factory
        self.sessions = sessions
        self.guardrail = RequestGuard(options: options)
        self.fastPath = ToolCallFastPath(registry: factory.registry)
        self.logger = logger
    }

    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        if path == "/healthz" { return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n"))) }
        guard Self.paths.contains(path) else {
            return HTTPConversion.jsonRPCError(status: .notFound, code: -32600, message: "Not found: the MCP endpoint is /openstack")
        }
        guard guardrail.allowsHost(request.head.authority) else {
            logger.warning("refused host", metadata: ["host": "\(request.head.authority ?? "")"])
            return HTTPConversion.jsonRPCError(
                status: .misdirectedRequest, code: -32600,
                message: "Host not allowed; start the server with --allowed-host to serve this name")
        }
        guard guardrail.allowsOrigin(request.headers[.origin]) else {
            logger.warning("refused origin", metadata: ["origin": "\(request.headers[.origin] ?? "")"])
            return HTTPConversion.jsonRPCError(
                status: .forbidden, code: -32600,
                message: "Origin not allowed; start the server with --allowed-origin to accept this origin")
        }
        guard [.post, .get, .delete].contains(request.method) else {
            return HTTPConversion.jsonRPCError(
                status: .methodNotAllowed, code: -32600, message: "Method not allowed", extra: [.allow: "GET, POST, DELETE"])
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodyBytes {
            return tooLarge()
        }
        var body: Data?
        if request.method == .post {
            do {
                body = Data((try await request.body.collect(upTo: options.maxBodyBytes)).readableBytesView)
            } catch {
                return tooLarge()
            }
            if let early = preflight(body ?? Data()) { return early }
        }
        let sdkRequest = HTTPConversion.sdkRequest(request, body: body)
        let wantsSSE = !options.jsonResponse && (request.headers[.accept] ?? "").contains("text/event-stream")
        if let sessions {
            return HTTPConversion.response(await sessions.handle(sdkRequest), sse: false)
        }
        if let body, let answer = await answerToolCall(sdkRequest, body: body) {
            return HTTPConversion.response(answer, sse: wantsSSE)
        }
        return HTTPConversion.response(await handleStateless(sdkRequest), sse: wantsSSE)
    }

    private func tooLarge() -> Response {
        HTTPConversion.jsonRPCError(
            status: .contentTooLarge, code: -32600, message: "Request body larger than \(options.maxBodyBytes) bytes")
    }

    /// Malformed JSON gets 400/-32700; `server/discover` (newer clients probe it first) gets a clean
    /// "method not found" so that they fall back to `initialize` without an HTTP error.
    private func preflight(_ body: Data) -> Response? {
        guard let object = try? JSONSerialization.jsonObject(with: body) else {
            return HTTPConversion.jsonRPCError(status: .badRequest, code: -32700, message: "Parse error: the body is not valid JSON")
        }
        if let message = object as? [String: Any], message["method"] as? String == "server/discover" {
            var payload: [String: Any] = [
                "jsonrpc": "2.0", "error": ["code": -32601, "message": "Method not found: server/discover"],
            ]
            payload["id"] = message["id"] ?? NSNull()
            let data = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        return nil
    }

    /// A stateless `tools/call` answered by ``ToolCallFastPath`` once the request passes the same
    /// header checks as the SDK transport; nil leaves the request to the SDK.
    private func answerToolCall(_ request: MCP.HTTPRequest, body: Data) async -> MCP.HTTPResponse? {
        guard ToolCallFastPath.mayBeToolCall(body),
            Self.validation.validate(request, context: HTTPValidationContext(httpMethod: "POST")) == nil,
            let answer = await fastPath.answer(body)
        else { return nil }
        return .data(answer, headers: ["Content-Type": "application/json"])
    }

    /// One fresh Server and transport per request: a shared stateless Server refuses a second
    /// `initialize`, and this costs a fraction of a millisecond.
    private func handleStateless(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        let transport = StatelessHTTPServerTransport(validationPipeline: Self.validation, logger: logger)
        let server = await factory.makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, .internalError("could not start the MCP server: \(error)"))
        }
        let response = await transport.handleRequest(request)
        await server.stop()
        return response
    }
}
