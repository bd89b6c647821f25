import Foundation
import NIOCore
import Testing

@testable import OpenStackKit

/// The sleeps behind every upstream deadline, the queue's wait and the SSE keep-alive: they end
/// on time, end when cancelled, and a race gives up its work at the deadline.
///
/// No check here bounds wall-clock time from above: on a loaded 2-core machine the cooperative
/// pool can be busy for seconds with other suites. A sleep that never ends is caught by the time
/// limits instead, and cancellation is proved by what the cancelled work saw.
@Suite(.timeLimit(.minutes(1))) struct TimerSleepTests {
    @Test func aSleepLastsItsDuration() async throws {
        let start = ContinuousClock.now
        try await TimerSleep.sleep(for: .milliseconds(80))
        #expect(ContinuousClock.now - start >= .milliseconds(60))
    }

    @Test func aCancelledSleepEndsAtOnceWithCancellationError() async throws {
        let sleeper = Task { try await TimerSleep.sleep(for: .seconds(600)) }
        try await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test func aSleepInACancelledTaskThrowsBeforeWaiting() async throws {
        let sleeper = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await TimerSleep.sleep(for: .seconds(600))
        }
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test func aDeadlineInThePastEndsTheSleepAtOnce() async throws {
        try await TimerSleep.sleep(until: NIODeadline.now() - .seconds(1))
    }

    @Test func aRaceGivesTheWorkWhenItFinishesFirst() async throws {
        let value = try await TimerSleep.race(until: .now() + .seconds(600)) { 42 }
        #expect(value == 42)
    }

    @Test func aRaceGivesNilAtTheDeadlineAndCancelsTheWork() async throws {
        let seen = Seen()
        let value: Int? = try await TimerSleep.race(until: .now() + .milliseconds(50)) {
            do {
                try await TimerSleep.sleep(for: .seconds(600))
                return 1
            } catch {
                seen.record(error)
                return -1
            }
        }
        // The task group waits for its children, so the work has ended by now.
        #expect(value == nil)
        #expect(seen.error is CancellationError)
    }

    @Test func manySleepsRacingCancellationAllEnd() async throws {
        // Cancellation arriving before, during and after the timer is set: every sleep must end.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<2_000 {
                let sleeper = Task { try await TimerSleep.sleep(for: .milliseconds(index % 3 == 0 ? 0 : 600_000)) }
                if index % 2 == 0 { sleeper.cancel() } else { group.addTask { sleeper.cancel() } }
                group.addTask { _ = try? await sleeper.value }
            }
            try await group.waitForAll()
        }
    }
}

/// What a raced piece of work saw when it ended.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Error?
    func record(_ error: Error) { lock.withLock { seen = error } }
    var error: Error? { lock.withLock { seen } }
}
