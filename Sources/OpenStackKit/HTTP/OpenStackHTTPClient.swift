import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The one keep-alive HTTP client for a cloud, with deadlines, retries and the read-only rule.
///
/// It refuses every method except GET, and POST to Keystone's `/auth/tokens`, before anything
/// reaches the network: the server can never write to a cloud.
public final class OpenStackHTTPClient: Sendable {
    public let settings: HTTPSettings
    private let client: HTTPClient
    private let logger: Logger

    public init(settings: HTTPSettings = .init(), logger: Logger = Logger(label: "openstack.http")) throws {
        self.settings = settings
        self.logger = logger
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .init(settings.connectTimeout), read: .init(settings.readTimeout)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        )
        configuration.httpVersion = .http1Only
        configuration.decompression = .enabled(limit: .ratio(50))
        configuration.redirectConfiguration = .disallow
        configuration.tlsConfiguration = try ClientTLS.configuration(for: settings)
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes pooled connections. Call once at shutdown.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends a request, retrying a GET on 429/502/503/504 within the total deadline.
    public func send(_ request: OutgoingRequest, service: String) async throws -> RawResponse {
        try Self.checkReadOnly(request, service: service)
        let deadline = NIODeadline.now() + .init(settings.totalTimeout)
        var attempt = 0
        while true {
            let response = try await recorded(request, service: service) {
                try await sendOnce(request, service: service, deadline: deadline)
            }
            let retryable = [429, 502, 503, 504].contains(response.status)
            guard retryable, request.method == .GET, attempt < settings.maxRetries else { return response }
            let delay = Self.retryDelay(attempt: attempt, retryAfter: response.header("retry-after"))
            guard NIODeadline.now() + delay < deadline else { return response }
            logger.debug(
                "retrying upstream call",
                metadata: ["service": "\(service)", "status": "\(response.status)", "attempt": "\(attempt + 1)"])
            ServerMetrics.upstreamRetried(service: service, reason: String(response.status))
            try await Task.sleep(nanoseconds: UInt64(delay.nanoseconds))
            attempt += 1
        }
    }

    static func checkReadOnly(_ request: OutgoingRequest, service: String) throws {
        if request.method == .GET { return }
        let path = URL(string: request.url)?.path ?? ""
        if request.method == .POST, path.hasSuffix("/auth/tokens") { return }
        throw OpenStackError(
            kind: .readOnly, service: service, method: request.method.rawValue, url: request.url,
            message: "refused: this server only sends GET requests (and the Keystone token POST)")
    }

    static func retryDelay(attempt: Int, retryAfter: String?) -> TimeAmount {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)) {
            return .milliseconds(Int64(min(max(seconds, 0), 5) * 1000))
        }
        return .milliseconds(Int64(200 * (1 << attempt)))
    }

    private func sendOnce(_ request: OutgoingRequest, service: String, deadline: NIODeadline) async throws
        -> RawResponse
    {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method == .GET ? .GET : .POST
        outgoing.headers.add(name: "User-Agent", value: "openstack-mcp-server")
        outgoing.headers.add(name: "Accept", value: "application/json")
        for (name, value) in request.headers { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if let body = request.body {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = NIODeadline.now()
        do {
            let response = try await client.execute(outgoing, deadline: deadline, logger: logger)
            // The body is bounded by the read timeout: a service that stops sending is cut off.
            let buffer = try await response.body.collect(upTo: settings.maxResponseBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1e6
            logger.debug(
                "upstream call",
                metadata: [
                    "service": "\(service)", "method": "\(request.method.rawValue)",
                    "url": "\(Redactor.redactURL(request.url))", "status": "\(response.status.code)",
                    "ms": "\(Int(elapsed))",
                ])
            if let observer = UpstreamObservation.observer {
                observer.upstreamAnswered(
                    service: service, method: request.method.rawValue, path: URL(string: request.url)?.path ?? "",
                    status: Int(response.status.code))
            }
            return RawResponse(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
        } catch let error as OpenStackError {
            throw error
        } catch {
            throw Self.mapTransportError(error, request: request, service: service)
        }
    }

    static func mapTransportError(_ error: Error, request: OutgoingRequest, service: String) -> OpenStackError {
        let url = Redactor.redactURL(request.url)
        let method = request.method.rawValue
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return OpenStackError(
                    kind: .timeout, service: service, method: method, url: url,
                    message: "no answer before the deadline (\(httpError))")
            case .remoteConnectionClosed, .cancelled:
                return OpenStackError(
                    kind: .unreachable, service: service, method: method, url: url,
                    message: "the connection was closed before an answer arrived")
            default:
                break
            }
        }
        if error is NIOTooManyBytesError {
            return OpenStackError(
                kind: .decoding, service: service, method: method, url: url,
                message: "the answer was larger than the configured limit")
        }
        if error is NIOSSLError || error is NIOSSLExtraError || String(describing: error).contains("SSL") {
            let (message, nextStep) = TLSFailure.explain(error)
            return OpenStackError(
                kind: .unreachable, service: service, method: method, url: url, message: message, nextStep: nextStep)
        }
        if error is CancellationError {
            return OpenStackError(
                kind: .timeout, service: service, method: method, url: url, message: "the call was cancelled")
        }
        return OpenStackError(
            kind: .unreachable, service: service, method: method, url: url,
            message: "could not connect (\(String(describing: error)))")
    }
}
