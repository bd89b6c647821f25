import Foundation
import Logging
import MCP

/// MCP sessions for `--stateful`: one Server and transport per session, routed by Mcp-Session-Id.
///
/// Sessions end on DELETE, after an idle period, or at a maximum age; the store holds at most
/// `maxSessions`. The SDK keeps every response of a session for replay, so bounding sessions
/// bounds memory.
actor SessionStore {
    private struct Session {
        let server: Server
        let transport: StatefulHTTPServerTransport
        let created: ContinuousClock.Instant
        var lastUsed: ContinuousClock.Instant
    }

    private let options: ServerOptions
    private let factory: MCPServerFactory
    private let logger: Logger
    private var sessions: [String: Session] = [:]

    init(options: ServerOptions, factory: MCPServerFactory, logger: Logger) {
        self.options = options
        self.factory = factory
        self.logger = logger
    }

    var count: Int { sessions.count }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard var session = sessions[id] else {
                return .error(statusCode: 404, .invalidRequest("Session not found or expired; initialize a new session"))
            }
            session.lastUsed = .now
            sessions[id] = session
            let response = await session.transport.handleRequest(request)
            if request.method.uppercased() == "DELETE", response.statusCode == 200 { await close(id) }
            return response
        }
        guard request.method.uppercased() == "POST", let body = request.body, Self.isInitialize(body) else {
            return .error(statusCode: 400, .invalidRequest("Missing Mcp-Session-Id header; send initialize first"))
        }
        guard sessions.count < options.maxSessions else {
            return .error(
                statusCode: 503, .invalidRequest("Too many sessions (\(options.maxSessions)); close one with DELETE or retry later"))
        }
        let id = UUID().uuidString
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(id: id),
            validationPipeline: StandardValidationPipeline(validators: [
                AcceptHeaderValidator(mode: .sseRequired), ContentTypeValidator(), ProtocolVersionValidator(),
                SessionValidator(),
            ]),
            logger: logger)
        let server = await factory.makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, .internalError("could not start a session: \(error)"))
        }
        sessions[id] = Session(server: server, transport: transport, created: .now, lastUsed: .now)
        logger.debug("session opened", metadata: ["sessions": "\(sessions.count)"])
        return await transport.handleRequest(request)
    }

    /// Closes sessions that were idle too long or are too old.
    func reap(now: ContinuousClock.Instant = .now) async {
        let expired = sessions.filter {
            now - $0.value.lastUsed > options.sessionIdleTimeout || now - $0.value.created > options.sessionMaxAge
        }
        for id in expired.keys { await close(id) }
        if !expired.isEmpty { logger.debug("sessions expired", metadata: ["count": "\(expired.count)"]) }
    }

    /// Closes every session (at shutdown), which ends their open streams.
    func closeAll() async {
        for id in Array(sessions.keys) { await close(id) }
    }

    private func close(_ id: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        await session.server.stop()
        await session.transport.disconnect()
    }

    private static func isInitialize(_ body: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        return object["method"] as? String == "initialize"
    }

    private struct FixedSessionID: SessionIDGenerator {
        let id: String
        func generateSessionID() -> String { id }
    }
}
