import Foundation
import NIOCore

/// The time one tool call may spend on OpenStack (`--call-timeout`), shared by all of its requests.
///
/// The tool layer installs one per call (``run(_:)``); every request made inside, however deep,
/// ends by the budget's deadline, and the budget keeps the requests that finished and those that
/// did not, so that a call cut short can say what it got.
public final class CallBudget: @unchecked Sendable {
    /// The budget of the current task and its children.
    @TaskLocal public static var current: CallBudget?

    private static let counter = NSLock()
    nonisolated(unsafe) private static var lastID: UInt64 = 0

    /// Identifies the call, so that the upstream queue can serve calls in turn.
    public let id: UInt64
    public let limit: Duration
    public let deadline: NIODeadline
    private let lock = NSLock()
    // Guarded by `lock`.
    private var finished: [String] = []
    private var pending: [Int: String] = [:]
    private var nextTicket = 0
    private var cut = false

    public init(limit: Duration) {
        self.limit = limit
        self.deadline = NIODeadline.now() + TimeAmount(limit)
        self.id = Self.counter.withLock {
            Self.lastID += 1
            return Self.lastID
        }
    }

    /// Runs `body` with this budget as the current one.
    public func run<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self) { try await body() }
    }

    /// True once the deadline has passed or a request was cut by it.
    public var isExhausted: Bool {
        lock.withLock { cut } || NIODeadline.now() >= deadline
    }

    /// Requests that finished (answered, whatever the status), as "Nova GET /servers/detail ×3".
    public var finishedRequests: [String] { Self.grouped(lock.withLock { finished }) }

    /// Requests still waiting or in flight.
    public var unfinishedRequests: [String] { Self.grouped(lock.withLock { Array(pending.values) }) }

    /// The budget's seconds, for messages.
    public var seconds: Int { Int(limit.components.seconds) }

    func begin(_ label: String) -> Int {
        lock.withLock {
            nextTicket += 1
            pending[nextTicket] = label
            return nextTicket
        }
    }

    func end(_ ticket: Int, answered: Bool) {
        lock.withLock {
            guard let label = pending.removeValue(forKey: ticket) else { return }
            if answered { finished.append(label) } else { pending[ticket] = label }
        }
    }

    func markCut() { lock.withLock { cut = true } }

    static func grouped(_ labels: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for label in labels {
            if counts[label] == nil { order.append(label) }
            counts[label, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }
    }
}
