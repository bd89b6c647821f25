import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore

/// Conversions between Hummingbird's and the SDK's HTTP types (whose names clash).
enum HTTPConversion {
    /// The SDK request, with the authority copied back into a `host` header.
    static func sdkRequest(_ request: Hummingbird.Request, body: Data?) -> MCP.HTTPRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        if let authority = request.head.authority { headers["host"] = authority }
        return MCP.HTTPRequest(method: request.method.rawValue, headers: headers, body: body, path: request.uri.path)
    }

    /// The Hummingbird response for an SDK response. A JSON answer becomes one SSE `message`
    /// event when the server runs in SSE mode and the client accepts event streams.
    static func response(_ response: MCP.HTTPResponse, sse: Bool) -> Hummingbird.Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        let status = HTTPResponse.Status(code: response.statusCode)
        switch response {
        case .stream(let stream, _):
            fields[.cacheControl] = "no-cache"
            return Response(status: status, headers: fields, body: SSEBody.body(from: stream))
        case .data(let data, _) where sse && response.statusCode == 200:
            fields[.contentType] = "text/event-stream"
            fields[.cacheControl] = "no-cache"
            var buffer = ByteBuffer(string: "event: message\ndata: ")
            buffer.writeBytes(data)
            buffer.writeString("\n\n")
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
        default:
            let body = response.bodyData.map { ByteBuffer(bytes: $0) } ?? ByteBuffer()
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
        }
    }

    /// A JSON-RPC error answered before the SDK sees the request.
    static func jsonRPCError(status: HTTPResponse.Status, code: Int, message: String, extra: HTTPFields = [:]) -> Response {
        let payload: [String: Any] = ["jsonrpc": "2.0", "id": NSNull(), "error": ["code": code, "message": message]]
        let data = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
        var fields = extra
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Streams SSE data with a keep-alive comment every few seconds, so a vanished client is noticed
/// (the write fails) and its stream does not outlive it.
enum SSEBody {
    static let keepAliveInterval: Duration = .seconds(10)

    static func body(from source: AsyncThrowingStream<Data, Error>) -> ResponseBody {
        ResponseBody { writer in
            let (merged, continuation) = AsyncStream<ByteBuffer>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do { for try await data in source { continuation.yield(ByteBuffer(bytes: data)) } } catch {}
                    continuation.finish()
                }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: keepAliveInterval)
                        continuation.yield(ByteBuffer(string: ": keepalive\n\n"))
                    }
                }
                defer { group.cancelAll() }
                for await chunk in merged { try await writer.write(chunk) }
            }
            try await writer.finish(nil)
        }
    }
}
