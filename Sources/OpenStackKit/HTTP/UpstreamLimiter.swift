import Foundation
import NIOCore

/// A snapshot of one cloud's upstream queue, for `/metrics` and tests.
public struct UpstreamQueueStats: Sendable, Equatable {
    /// Most requests in flight at once (`--max-upstream-concurrency`).
    public var limit: Int
    /// Requests sent and not yet answered.
    public var inFlight: Int
    /// Requests waiting for a place.
    public var queued: Int
    /// Requests that had to wait, since start.
    public var waitedTotal: Int
    /// Requests given up because their deadline passed while they waited, since start.
    public var rejectedTotal: Int
}

/// At most `limit` requests in flight to one cloud; the others wait, served fairly.
///
/// Waiters are grouped by owner (one tool call), and the owners take turns: a call that fans out
/// into a hundred GETs cannot starve a small call that arrives after it. Within one owner the
/// order is first come, first served.
public final class UpstreamLimiter: @unchecked Sendable {
    enum Outcome { case granted, timedOut, cancelled }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, Error>
    }

    public let limit: Int
    private let lock = NSLock()
    // All state below is guarded by `lock`.
    private var inFlight = 0
    private var queues: [UInt64: [Waiter]] = [:]
    /// Owners with waiters, in the order they get the next place.
    private var turns: [UInt64] = []
    /// Slow-path waits that have not reached the queue yet, and those of them already cancelled.
    private var unqueued: Set<UInt64> = []
    private var cancelledBeforeQueued: Set<UInt64> = []
    private var nextID: UInt64 = 1
    private var waitedTotal = 0
    private var rejectedTotal = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    /// The current counts.
    public var stats: UpstreamQueueStats {
        lock.withLock {
            UpstreamQueueStats(
                limit: limit, inFlight: inFlight, queued: queues.values.reduce(0) { $0 + $1.count },
                waitedTotal: waitedTotal, rejectedTotal: rejectedTotal)
        }
    }

    /// A fresh owner for a request that belongs to no tool call.
    func makeOwner() -> UInt64 {
        lock.withLock {
            defer { nextID += 1 }
            return nextID | (1 << 63)
        }
    }

    /// Waits for a place until `deadline`; `.granted` means the caller must `release()`.
    func acquire(owner: UInt64, deadline: NIODeadline) async -> Outcome {
        let fast: UInt64? = lock.withLock {
            if inFlight < limit && turns.isEmpty {
                inFlight += 1
                return nil
            }
            waitedTotal += 1
            defer { nextID += 1 }
            unqueued.insert(nextID)
            return nextID
        }
        guard let id = fast else { return .granted }
        // Race the wait against the deadline. If both finish, the place was granted and is kept.
        let granted = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await self.wait(owner: owner, id: id)
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                try? await TimerSleep.sleep(until: deadline)
                return false
            }
            var granted = false
            var first = true
            for await result in group {
                granted = granted || result
                if first { group.cancelAll(); first = false }
            }
            return granted
        }
        if granted { return .granted }
        if Task.isCancelled { return .cancelled }
        lock.withLock { rejectedTotal += 1 }
        return .timedOut
    }

    /// Gives the place to the next owner in turn, or frees it.
    func release() {
        let next: Waiter? = lock.withLock {
            while let owner = turns.first {
                turns.removeFirst()
                guard var queue = queues[owner], !queue.isEmpty else { continue }
                let waiter = queue.removeFirst()
                if queue.isEmpty {
                    queues[owner] = nil
                } else {
                    queues[owner] = queue
                    turns.append(owner)
                }
                return waiter
            }
            inFlight -= 1
            return nil
        }
        next?.continuation.resume()
    }

    private func wait(owner: UInt64, id: UInt64) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                let outcome: Result<Void, Error>? = lock.withLock {
                    unqueued.remove(id)
                    if cancelledBeforeQueued.remove(id) != nil { return .failure(CancellationError()) }
                    if inFlight < limit && turns.isEmpty {
                        inFlight += 1
                        return .success(())
                    }
                    if queues[owner] == nil { turns.append(owner) }
                    queues[owner, default: []].append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let removed: Waiter? = lock.withLock {
                for (owner, queue) in queues {
                    guard let index = queue.firstIndex(where: { $0.id == id }) else { continue }
                    var queue = queue
                    let waiter = queue.remove(at: index)
                    queues[owner] = queue.isEmpty ? nil : queue
                    if queue.isEmpty { turns.removeAll { $0 == owner } }
                    return waiter
                }
                // Not queued yet: remember, so that it is not queued later. (Granted: nothing to do.)
                if unqueued.contains(id) { cancelledBeforeQueued.insert(id) }
                return nil
            }
            removed?.continuation.resume(throwing: CancellationError())
        }
    }
}
