import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The one keep-alive HTTP client for a cloud, with deadlines, retries and the read-only rule.
///
/// It refuses every method except GET and HEAD, POST to Keystone's `/auth/tokens` and its
/// federated auth (`--identity caller`), and Nova's console-output action (exactly that body),
/// before anything reaches the network: the server can never write to a cloud.
public final class OpenStackHTTPClient: Sendable {
    public let settings: HTTPSettings
    private let client: HTTPClient
    let logger: Logger
    /// The cloud's cap on requests in flight; region views share it with their cloud.
    let limiter: UpstreamLimiter
    /// One caller's own cap (`--identity caller`), taken before the cloud's, so that one caller
    /// cannot fill the cloud's queue; nil for the server's own identity.
    let callerLimiter: UpstreamLimiter?
    /// False for a caller's view, which borrows the pool of the client it came from.
    private let ownsClient: Bool

    public init(settings: HTTPSettings = .init(), logger: Logger = Logger(label: "openstack.http")) throws {
        self.settings = settings
        self.logger = logger
        self.limiter = UpstreamLimiter(limit: settings.maxConcurrentRequests)
        self.callerLimiter = nil
        self.ownsClient = true
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

    /// A view of `base` for one caller: the same connections, deadlines and cloud-wide cap, plus
    /// the caller's own cap of `callerLimit` requests in flight.
    public init(sharing base: OpenStackHTTPClient, callerLimit: Int) {
        self.settings = base.settings
        self.client = base.client
        self.logger = base.logger
        self.limiter = base.limiter
        self.callerLimiter = UpstreamLimiter(limit: callerLimit)
        self.ownsClient = false
    }

    /// Closes pooled connections (a caller's view leaves them to its base). Call once at shutdown.
    public func shutdown() async {
        if ownsClient { try? await client.shutdown() }
    }

    /// Sends a request, retrying a GET on 429/502/503/504 within the total deadline.
    ///
    /// The deadline is the earlier of `--timeout` and the current tool call's budget; each
    /// attempt waits for a place among the cloud's `maxConcurrentRequests` (see ``UpstreamLimiter``).
    public func send(_ request: OutgoingRequest, service: String) async throws -> RawResponse {
        try Self.checkReadOnly(request, service: service)
        let budget = CallBudget.current
        let own = NIODeadline.now() + .init(settings.totalTimeout)
        let deadline = budget.map { min($0.deadline, own) } ?? own
        let ticket = budget?.begin("\(service) \(request.method.rawValue) \(URL(string: request.url)?.path ?? "")")
        var answered = false
        defer { if let budget, let ticket { budget.end(ticket, answered: answered) } }
        var attempt = 0
        while true {
            let response = try await attemptWithPlace(request, service: service, deadline: deadline, budget: budget)
            let retryable = [429, 502, 503, 504].contains(response.status)
            guard retryable, request.method.isSafe, attempt < settings.maxRetries else {
                answered = true
                return response
            }
            let delay = Self.retryDelay(attempt: attempt, retryAfter: response.header("retry-after"))
            guard NIODeadline.now() + delay < deadline else {
                answered = true
                return response
            }
            logger.debug(
                "retrying upstream call",
                metadata: ["service": "\(service)", "status": "\(response.status)", "attempt": "\(attempt + 1)"])
            ServerMetrics.upstreamRetried(service: service, reason: String(response.status))
            try await TimerSleep.sleep(until: NIODeadline.now() + delay)
            attempt += 1
        }
    }

    static func checkReadOnly(_ request: OutgoingRequest, service: String) throws {
        try checkNoPayload(request, service: service)
        // HEAD reads headers only (Swift's object metadata): as safe as GET.
        if request.method.isSafe { return }
        let path = URL(string: request.url)?.path ?? ""
        if request.method == .POST, path.hasSuffix("/auth/tokens") { return }
        if request.method == .POST, isFederatedAuth(path: path, body: request.body) { return }
        if isConsoleOutputAction(request) { return }
        throw OpenStackError(
            kind: .readOnly, service: service, method: request.method.rawValue, url: request.url,
            message: "refused: this server only sends GET and HEAD requests (and the Keystone token POST and Nova's os-getConsoleOutput)")
    }

    /// Barbican hands out a secret's payload at `…/secrets/{id}/payload`, and at `…/secrets/{id}`
    /// to any Accept but JSON: neither may ever be asked for, whatever the method or service.
    static func checkNoPayload(_ request: OutgoingRequest, service: String) throws {
        let path = URL(string: request.url)?.path ?? ""
        let segments = path.split(separator: "/").map { ($0.removingPercentEncoding ?? String($0)).lowercased() }
        var problem: String?
        if segments.contains("payload") { problem = "a payload path" }
        for (name, value) in request.headers where name.lowercased() == "accept" && !acceptsOnlyJSON(value) {
            problem = "Accept: \(value)"
        }
        guard let problem else { return }
        throw OpenStackError(
            kind: .readOnly, service: service, method: request.method.rawValue, url: request.url,
            message: "refused: \(problem) could return a secret's payload; this server reads metadata only")
    }

    /// Every media range of an Accept header is JSON (`application/json`, `application/*+json`).
    static func acceptsOnlyJSON(_ value: String) -> Bool {
        let ranges = value.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
        return !ranges.isEmpty && ranges.allSatisfy { $0 == "application/json" || ($0.hasPrefix("application/") && $0.hasSuffix("+json")) }
    }

    /// Keystone's federated authentication (`--identity caller`): exactly
    /// `…/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth`, with no body.
    static func isFederatedAuth(path: String, body: Data?) -> Bool {
        guard body?.isEmpty ?? true else { return false }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 6 else { return false }
        let tail = segments.suffix(6).map(String.init)
        return tail[0] == "OS-FEDERATION" && tail[1] == "identity_providers" && !tail[2].isEmpty
            && tail[3] == "protocols" && !tail[4].isEmpty && tail[5] == "auth"
    }

    static func retryDelay(attempt: Int, retryAfter: String?) -> TimeAmount {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)) {
            return .milliseconds(Int64(min(max(seconds, 0), 5) * 1000))
        }
        return .milliseconds(Int64(200 * (1 << attempt)))
    }

    /// One exchange. A transport failure comes out as a ``WireFailure`` that says whether the
    /// answer's head had arrived, which decides whether the GET may be sent again.
    func sendOnce(_ request: OutgoingRequest, service: String, deadline: NIODeadline) async throws
        -> RawResponse
    {
        var outgoing = HTTPClientRequest(url: request.url)
        switch request.method {
        case .GET: outgoing.method = .GET
        case .HEAD: outgoing.method = .HEAD
        case .POST: outgoing.method = .POST
        }
        outgoing.headers.add(name: "User-Agent", value: "openstack-mcp-server")
        outgoing.headers.add(name: "Accept", value: "application/json")
        for (name, value) in request.headers { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if let body = request.body {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = NIODeadline.now()
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, deadline: deadline, logger: logger)
        } catch {
            throw WireFailure(failure: TransportFailure.classify(error), afterHead: false, underlying: error)
        }
        let buffer: ByteBuffer
        do {
            // The read timeout cuts off a service that stops sending; the deadline, one that
            // keeps sending slowly (the client applies its deadline only until the head).
            let limit = settings.maxResponseBytes
            buffer = try await Self.beforeDeadline(deadline) { try await response.body.collect(upTo: limit) }
        } catch {
            throw WireFailure(failure: TransportFailure.classify(error), afterHead: true, underlying: error)
        }
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
    }

    static func mapTransportError(_ failure: WireFailure, request: OutgoingRequest, service: String, settings: HTTPSettings)
        -> OpenStackError
    {
        let url = Redactor.redactURL(request.url)
        let method = request.method.rawValue
        let sentence = failure.failure.sentence(afterHead: failure.afterHead, settings: settings)
        switch failure.failure {
        case .connectTimeout, .readTimeout, .deadline, .cancelled:
            return OpenStackError(kind: .timeout, service: service, method: method, url: url, message: sentence)
        case .tooLarge:
            return OpenStackError(kind: .decoding, service: service, method: method, url: url, message: sentence)
        case .tls:
            let (message, nextStep) = TLSFailure.explain(failure.underlying)
            return OpenStackError(
                kind: .unreachable, service: service, method: method, url: url, message: message, nextStep: nextStep)
        case .reset, .closed:
            return OpenStackError(
                kind: .unreachable, service: service, method: method, url: url, message: sentence,
                nextStep: "the \(service) API or a proxy in front of it dropped the connection; try again, and check its logs if it keeps happening")
        case .connect, .other:
            return OpenStackError(kind: .unreachable, service: service, method: method, url: url, message: sentence)
        }
    }
}
