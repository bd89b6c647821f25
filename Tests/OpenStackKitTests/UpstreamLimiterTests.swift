import Foundation
import NIOCore
import Testing

@testable import OpenStackKit

/// The per-cloud cap: owners take turns, a deadline gives up the wait, nothing leaks.
@Suite struct UpstreamLimiterTests {
    final class Order: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test func ownersTakeTurns() async throws {
        let limiter = UpstreamLimiter(limit: 1)
        // Far enough that a loaded machine never times a waiter out: this test is about order.
        let far = NIODeadline.now() + .seconds(600)
        #expect(await limiter.acquire(owner: 1, deadline: far) == .granted)
        let order = Order()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Owner 2 queues five requests, then owner 3 queues one.
            for index in 0..<5 {
                group.addTask {
                    #expect(await limiter.acquire(owner: 2, deadline: far) == .granted)
                    order.add("2.\(index)")
                    limiter.release()
                }
                try await Self.until { limiter.stats.queued == index + 1 }
            }
            group.addTask {
                #expect(await limiter.acquire(owner: 3, deadline: far) == .granted)
                order.add("3")
                limiter.release()
            }
            try await Self.until { limiter.stats.queued == 6 }
            limiter.release()
            try await group.waitForAll()
        }
        #expect(order.all == ["2.0", "3", "2.1", "2.2", "2.3", "2.4"])
        #expect(limiter.stats == UpstreamQueueStats(limit: 1, inFlight: 0, queued: 0, waitedTotal: 6, rejectedTotal: 0))
    }

    /// Waits (up to 60 s) for `condition`: the queue is filled from other tasks.
    ///
    /// The bound is generous on purpose: on a 2-core CI machine the parallel suites can keep the
    /// cooperative pool busy for seconds, and this test is about order, not speed.
    static func until(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(condition())
    }

    @Test func aDeadlineOrACancellationEndsTheWait() async throws {
        let limiter = UpstreamLimiter(limit: 1)
        #expect(await limiter.acquire(owner: 1, deadline: .now() + .seconds(30)) == .granted)
        #expect(await limiter.acquire(owner: 2, deadline: .now() + .milliseconds(100)) == .timedOut)
        let waiter = Task { await limiter.acquire(owner: 3, deadline: .now() + .seconds(30)) }
        try await Self.until { limiter.stats.queued == 1 }
        waiter.cancel()
        #expect(await waiter.value == .cancelled)
        #expect(limiter.stats.queued == 0)
        limiter.release()
        #expect(limiter.stats.inFlight == 0)
        #expect(await limiter.acquire(owner: 4, deadline: .now() + .seconds(1)) == .granted)
    }

    @Test func transportFailuresHavePlainNames() {
        #expect(TransportFailure.classify(IOError(errnoCode: ECONNRESET, reason: "read(descriptor:pointer:size:)")) == .reset)
        #expect(TransportFailure.classify(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == .connect("the connection was refused"))
        #expect(TransportFailure.classify(ChannelError.eof) == .closed)
        let sentence = TransportFailure.reset.sentence(afterHead: false, settings: HTTPSettings())
        #expect(sentence == "the connection was reset by the service before it answered")
    }
}
