import Foundation

/// An issued Keystone token.
struct TokenRecord: Sendable {
    let id: String
    let user: DemoUser
    /// The project of a project-scoped token; nil for domain and system scope.
    let project: DemoProject?
    let scope: TokenScope
    /// Effective roles (explicit plus implied), in display order.
    let roles: [DemoRole]
    let methods: [String]
    let issuedAt: Date
    let expiresAt: Date
    let auditIDs: [String]
    let applicationCredential: DemoApplicationCredential?

    var isAdmin: Bool { roles.contains { $0.name == "admin" } }
}

/// What a token is scoped to.
enum TokenScope: Sendable, Equatable {
    case project
    case domain
    case system
}

/// The mutable side of a running cloud: tokens, request log, faults and readiness.
final class CloudState: Sendable {
    private struct LogEntry: Sendable {
        let sequence: Int
        var request: LoggedRequest
    }

    private enum Readiness: Sendable {
        case pending([CheckedContinuation<URL?, Never>])
        case ready(URL)
        case failed
    }

    private struct Storage: Sendable {
        var tokens: [String: TokenRecord] = [:]
        var log: [LogEntry] = []
        var nextSequence = 0
        var faults: [String: Fault] = [:]
        var readiness = Readiness.pending([])
    }

    private let storage = Locked(Storage())

    // MARK: Tokens

    func store(_ token: TokenRecord) {
        storage.withLock { $0.tokens[token.id] = token }
    }

    /// The token if it exists and has not expired.
    func validToken(_ id: String, now: Date = Date()) -> TokenRecord? {
        storage.withLock { state in
            guard let token = state.tokens[id], token.expiresAt > now else { return nil }
            return token
        }
    }

    func revokeAllTokens() {
        storage.withLock { $0.tokens.removeAll() }
    }

    // MARK: Request log

    func beginRequest(method: String, path: String, query: String) -> Int {
        storage.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            state.log.append(LogEntry(sequence: sequence, request: LoggedRequest(method: method, path: path, query: query, status: 0)))
            return sequence
        }
    }

    func finishRequest(_ sequence: Int, status: Int) {
        storage.withLock { state in
            guard let index = state.log.lastIndex(where: { $0.sequence == sequence }) else { return }
            let old = state.log[index].request
            state.log[index].request = LoggedRequest(method: old.method, path: old.path, query: old.query, status: status)
        }
    }

    func requests() -> [LoggedRequest] {
        storage.withLock { $0.log.map(\.request) }
    }

    func resetRequestLog() {
        storage.withLock { $0.log.removeAll() }
    }

    func count(method: String, pathPrefix: String) -> Int {
        storage.withLock { state in
            state.log.reduce(0) { total, entry in
                total + (entry.request.method == method && entry.request.path.hasPrefix(pathPrefix) ? 1 : 0)
            }
        }
    }

    // MARK: Faults

    func setFault(_ fault: Fault?, forPathPrefix prefix: String) {
        storage.withLock { $0.faults[prefix] = fault }
    }

    func clearFaults() {
        storage.withLock { $0.faults.removeAll() }
    }

    /// The fault of the longest prefix matching `path`.
    func fault(for path: String) -> Fault? {
        storage.withLock { state in
            guard !state.faults.isEmpty else { return nil }
            return state.faults.filter { path.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
        }
    }

    // MARK: Readiness

    /// Called before the server starts: forget a previous run's address.
    func prepareForRun() {
        storage.withLock { state in
            if case .pending = state.readiness { return }
            state.readiness = .pending([])
        }
    }

    func markReady(_ url: URL) {
        let waiters = storage.withLock { state -> [CheckedContinuation<URL?, Never>] in
            guard case .pending(let waiters) = state.readiness else {
                state.readiness = .ready(url)
                return []
            }
            state.readiness = .ready(url)
            return waiters
        }
        waiters.forEach { $0.resume(returning: url) }
    }

    func markFailed() {
        let waiters = storage.withLock { state -> [CheckedContinuation<URL?, Never>] in
            guard case .pending(let waiters) = state.readiness else { return [] }
            state.readiness = .failed
            return waiters
        }
        waiters.forEach { $0.resume(returning: nil) }
    }

    /// The bound base URL once ready; `nil` if the server failed to start.
    func waitUntilReady() async -> URL? {
        await withCheckedContinuation { (continuation: CheckedContinuation<URL?, Never>) in
            let immediate: URL?? = storage.withLock { state in
                switch state.readiness {
                case .ready(let url): return .some(url)
                case .failed: return .some(nil)
                case .pending(var waiters):
                    waiters.append(continuation)
                    state.readiness = .pending(waiters)
                    return .none
                }
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// The bound base URL if the server is running.
    var boundURL: URL? {
        storage.withLock { state in
            if case .ready(let url) = state.readiness { return url }
            return nil
        }
    }
}
