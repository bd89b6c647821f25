import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenStackKit

/// The HTTP responses of the MCP endpoint: JSON bodies, SSE streams and bare statuses.
enum HTTPAnswers {
    static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!

    /// One JSON body.
    static func json(_ bytes: [UInt8], status: Int, extra: HTTPFields = [:]) -> Response {
        var fields = extra
        fields[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON-RPC error that belongs to no request (`id: null`), e.g. a refused Origin.
    static func error(_ error: RPCError, status: Int? = nil, extra: HTTPFields = [:]) -> Response {
        json(RPCWire.error(id: nil, error), status: status ?? error.httpStatus, extra: extra)
    }

    /// 202 with no body: the answer to a notification or a client's response.
    static func accepted(extra: HTTPFields = [:]) -> Response {
        Response(status: .accepted, headers: extra, body: ResponseBody())
    }

    /// One SSE `message` event.
    static func event(_ message: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(message.count + 24)
        buffer.writeString("event: message\ndata: ")
        buffer.writeBytes(message)
        buffer.writeString("\n\n")
        return buffer
    }

    static func sseFields(extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-cache"
        // Tells nginx-style proxies not to buffer the stream (spec: Streamable HTTP).
        fields[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return fields
    }

    /// A finished answer as one SSE event.
    static func sse(_ message: [UInt8], extra: HTTPFields = [:]) -> Response {
        Response(status: .ok, headers: sseFields(extra: extra), body: ResponseBody(byteBuffer: event(message)))
    }

    /// Streams the events `produce` yields, with a keep-alive comment every `keepAlive`.
    ///
    /// A write to a client that went away fails, which ends the body and cancels `produce`: for
    /// a tool call that is the cancellation the 2026-07-28 transport defines (closing the stream),
    /// and it stops the call's upstream requests too.
    static func stream(
        keepAlive: Duration, extra: HTTPFields = [:],
        produce: @escaping @Sendable (AsyncStream<ByteBuffer>.Continuation) async -> Void
    ) -> Response {
        let body = ResponseBody { writer in
            let (chunks, continuation) = AsyncStream<ByteBuffer>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await produce(continuation)
                    continuation.finish()
                }
                group.addTask {
                    while true {
                        try await TimerSleep.sleep(for: keepAlive)
                        continuation.yield(ByteBuffer(string: ": keepalive\n\n"))
                    }
                }
                defer { group.cancelAll() }
                for await chunk in chunks { try await writer.write(chunk) }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: sseFields(extra: extra), body: body)
    }
}
