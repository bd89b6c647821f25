import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `--stateful`: legacy sessions. A modern (2026-07-28) request never needs one, and its
/// Mcp-Session-Id header, if any, is ignored as that revision says.
extension MCPHTTPHandler {
    enum SessionOutcome {
        case refused(Response)
        /// `initialize` opened this session: its ID goes back in the Mcp-Session-Id header.
        case session(String)
        case none
    }

    func legacySession(_ rpc: RPCRequest, request: Request, sessions: SessionStore) async -> SessionOutcome {
        if rpc.method == "initialize", request.headers[HTTPAnswers.sessionHeader] == nil {
            guard let id = await sessions.open() else {
                return .refused(
                    HTTPAnswers.json(
                        RPCWire.error(
                            id: rpc.id,
                            RPCError(
                                code: -32600,
                                message: "Too many sessions (\(options.maxSessions)); close one with DELETE or retry later")),
                        status: 503))
            }
            return .session(id)
        }
        guard let id = request.headers[HTTPAnswers.sessionHeader] else {
            return .refused(
                HTTPAnswers.json(
                    RPCWire.error(id: rpc.id, .invalidRequest("missing Mcp-Session-Id header; send initialize first")),
                    status: 400))
        }
        guard await sessions.touch(id) == .found else {
            return .refused(
                HTTPAnswers.json(
                    RPCWire.error(id: rpc.id, .invalidRequest("session not found or expired; initialize a new session")),
                    status: 404))
        }
        return .none
    }

    /// GET with a session: the stream for server-initiated messages. This server sends none, so
    /// it carries keep-alive comments until the session ends or the client leaves.
    func openStream(_ request: Request) async -> Response {
        guard (request.headers[.accept] ?? "").contains("text/event-stream") else {
            return HTTPAnswers.error(.invalidRequest("a GET stream needs Accept: text/event-stream"), status: 406)
        }
        guard let sessions, let id = request.headers[HTTPAnswers.sessionHeader] else {
            return HTTPAnswers.error(.invalidRequest("missing Mcp-Session-Id header"), status: 400)
        }
        guard await sessions.touch(id) == .found else {
            return HTTPAnswers.error(.invalidRequest("session not found or expired"), status: 404)
        }
        let (events, continuation) = AsyncStream<ByteBuffer>.makeStream()
        guard await sessions.attachStream(id, continuation) else {
            return HTTPAnswers.error(.invalidRequest("this session already has a GET stream"), status: 409)
        }
        return HTTPAnswers.stream(keepAlive: options.keepAliveInterval) { output in
            for await event in events { output.yield(event) }
            await sessions.detachStream(id)
        }
    }

    func deleteSession(_ request: Request) async -> Response {
        guard let sessions, let id = request.headers[HTTPAnswers.sessionHeader] else {
            return HTTPAnswers.error(.invalidRequest("missing Mcp-Session-Id header"), status: 400)
        }
        guard await sessions.close(id) else {
            return HTTPAnswers.error(.invalidRequest("session not found or expired"), status: 404)
        }
        return Response(status: .ok, body: ResponseBody())
    }
}
