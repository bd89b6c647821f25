import Foundation
import NIOCore
import Testing

@testable import OpenStackKit

/// The sleeps behind every upstream deadline, the queue's wait and the SSE keep-alive: they end
/// on time, end at once when cancelled, and a race gives up its work at the deadline.
@Suite struct TimerSleepTests {
    @Test func aSleepLastsItsDuration() async throws {
        let start = ContinuousClock.now
        try await TimerSleep.sleep(for: .milliseconds(80))
        #expect(ContinuousClock.now - start >= .milliseconds(60))
    }

    @Test func aCancelledSleepEndsAtOnceWithCancellationError() async throws {
        let start = ContinuousClock.now
        let sleeper = Task { try await TimerSleep.sleep(for: .seconds(600)) }
        try await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aSleepInACancelledTaskThrowsBeforeWaiting() async throws {
        let start = ContinuousClock.now
        let sleeper = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await TimerSleep.sleep(for: .seconds(600))
        }
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aDeadlineInThePastEndsTheSleepAtOnce() async throws {
        try await TimerSleep.sleep(until: NIODeadline.now() - .seconds(1))
    }

    @Test func aRaceGivesTheWorkWhenItFinishesFirst() async throws {
        let value = try await TimerSleep.race(until: .now() + .seconds(600)) { 42 }
        #expect(value == 42)
    }

    @Test func aRaceGivesNilAtTheDeadlineAndCancelsTheWork() async throws {
        let start = ContinuousClock.now
        let value: Int? = try await TimerSleep.race(until: .now() + .milliseconds(50)) {
            do {
                try await TimerSleep.sleep(for: .seconds(600))
                return 1
            } catch {
                return -1
            }
        }
        #expect(value == nil)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test(.timeLimit(.minutes(1))) func manySleepsRacingCancellationAllEnd() async throws {
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
