import Foundation

/// The upstream requests made for one tool call: how many, and the `x-openstack-request-id` of
/// each answer, so the call's log line leads an operator into the OpenStack services' logs.
///
/// The tool layer binds one to ``UpstreamTally/current`` around a call; task-locals reach the
/// child tasks of concurrent reads, so every request of the call is counted.
public final class UpstreamTally: @unchecked Sendable {  // state is guarded by `lock`
    /// The tally of the current task, if a tool call set one.
    @TaskLocal public static var current: UpstreamTally?

    /// Request IDs kept per call; a call that reads hundreds of pages keeps the first ones.
    public static let maxRequestIDs = 32

    private struct State {
        var requests = 0
        var requestIDs: [String] = []
    }
    private let lock = NSLock()
    private var state = State()

    public init() {}

    /// Requests answered or failed so far.
    public var requests: Int { lock.withLock { state.requests } }
    /// The request IDs seen so far, in order, without repeats.
    public var requestIDs: [String] { lock.withLock { state.requestIDs } }

    func record(requestID: String?) {
        lock.withLock {
            state.requests += 1
            if let requestID, !requestID.isEmpty, state.requestIDs.count < Self.maxRequestIDs,
                !state.requestIDs.contains(requestID)
            {
                state.requestIDs.append(requestID)
            }
        }
    }
}

extension OpenStackHTTPClient {
    /// Runs one attempt of a request and records it: the metrics and the current call's tally.
    func recorded(_ request: OutgoingRequest, service: String, _ attempt: () async throws -> RawResponse)
        async throws -> RawResponse
    {
        let started = ContinuousClock.now
        do {
            let response = try await attempt()
            ServerMetrics.upstreamAnswered(
                service: service, method: request.method.rawValue, status: response.status,
                duration: ContinuousClock.now - started)
            UpstreamTally.current?.record(requestID: response.requestID)
            return response
        } catch {
            ServerMetrics.upstreamAnswered(
                service: service, method: request.method.rawValue, status: nil, duration: ContinuousClock.now - started)
            UpstreamTally.current?.record(requestID: nil)
            throw error
        }
    }
}
