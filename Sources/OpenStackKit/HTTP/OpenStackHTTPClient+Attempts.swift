import AsyncHTTPClient
import Foundation
import NIOCore

/// A transport failure of one exchange, before or after the answer's head arrived.
struct WireFailure: Error {
    var failure: TransportFailure
    var afterHead: Bool
    var underlying: Error
}

extension OpenStackHTTPClient {
    /// The cloud's upstream queue: in flight, queued, and the totals (for `/metrics`).
    public var queueStats: UpstreamQueueStats { limiter.stats }

    /// One attempt: a place in the cloud's queue, then the exchange; a GET whose connection
    /// broke before any byte of the answer arrived goes once more on a fresh connection.
    ///
    /// Only then: once the head has arrived the service has acted on the request and may have
    /// sent part of the answer, and a hang or a slow body would only cost a second deadline.
    func attemptWithPlace(
        _ request: OutgoingRequest, service: String, deadline: NIODeadline, budget: CallBudget?
    ) async throws -> RawResponse {
        var resent = false
        while true {
            if let callerLimiter {
                try await takePlace(in: callerLimiter, request, service: service, deadline: deadline, budget: budget)
            }
            defer { callerLimiter?.release() }
            try await takePlace(in: limiter, request, service: service, deadline: deadline, budget: budget)
            do {
                defer { limiter.release() }
                return try await recorded(request, service: service) {
                    try await sendOnce(request, service: service, deadline: deadline)
                }
            } catch let failure as WireFailure {
                if failure.failure.isBrokenConnection, !failure.afterHead, request.method.isSafe, !resent,
                    NIODeadline.now() < deadline, !Task.isCancelled
                {
                    resent = true
                    logger.debug(
                        "connection broke before the answer; sending the GET again",
                        metadata: ["service": "\(service)", "failure": "\(failure.failure)"])
                    continue
                }
                throw error(for: failure, request: request, service: service, deadline: deadline, budget: budget)
            }
        }
    }

    private func takePlace(
        in limiter: UpstreamLimiter, _ request: OutgoingRequest, service: String, deadline: NIODeadline, budget: CallBudget?
    ) async throws {
        switch await limiter.acquire(owner: budget?.id ?? limiter.makeOwner(), deadline: deadline) {
        case .granted:
            return
        case .cancelled:
            throw OpenStackError(
                kind: .timeout, service: service, method: request.method.rawValue, url: Redactor.redactURL(request.url),
                message: "the call was cancelled")
        case .timedOut:
            if let budget, budget.deadline <= deadline { budget.markCut() }
            throw OpenStackError(
                kind: .busy, service: service, method: request.method.rawValue, url: Redactor.redactURL(request.url),
                message: limiter === callerLimiter
                    ? "busy; retry: this caller already had \(limiter.limit) requests in flight (--caller-max-upstream) for as long as this call could wait"
                    : "the cloud is busy; retry: \(limiter.limit) requests to it were in flight (--max-upstream-concurrency) for as long as this call could wait")
        }
    }

    /// Runs `work`, or throws `HTTPClientError.deadlineExceeded` when `deadline` passes first
    /// (and cancels `work`, which closes the connection it was reading).
    static func beforeDeadline<T: Sendable>(_ deadline: NIODeadline, _ work: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        guard let value = try await TimerSleep.race(until: deadline, work) else { throw HTTPClientError.deadlineExceeded }
        return value
    }

    /// The error for a failed exchange; a deadline set by the call's budget says so.
    private func error(
        for failure: WireFailure, request: OutgoingRequest, service: String, deadline: NIODeadline, budget: CallBudget?
    ) -> OpenStackError {
        var error = Self.mapTransportError(failure, request: request, service: service, settings: settings)
        let timedOut = failure.failure == .deadline || failure.failure == .readTimeout
        if timedOut, let budget, budget.deadline <= deadline, NIODeadline.now() >= budget.deadline - .milliseconds(50) {
            budget.markCut()
            error.message = "the tool call's budget of \(budget.seconds) s (--call-timeout) ran out before \(service) answered"
            error.nextStep = "narrow the question (a filter, a smaller limit, one region) or raise --call-timeout"
        } else if failure.failure == .deadline {
            error.message = "no answer within \(settings.totalTimeout.components.seconds) s (--timeout)"
        }
        return error
    }
}
