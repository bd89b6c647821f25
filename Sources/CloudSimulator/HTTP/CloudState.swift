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
    /// A federated token before it is scoped: it may list its projects and be rescoped, no more.
    case unscoped
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
        /// Application credentials deleted while running: they authenticate no more.
        var revokedCredentials: Set<String> = []
        var log: [LogEntry] = []
        var nextSequence = 0
        var faults: [String: FaultRule] = [:]
        var exactFaults: [String: FaultRule] = [:]
        var readiness = Readiness.pending([])
    }

    private let storage = Locked(Storage())
    private let logLimit: Int

    init(logLimit: Int = 20_000) { self.logLimit = max(1, logLimit) }

    // MARK: Tokens

    func store(_ token: TokenRecord) {
        storage.withLock { state in
            // Expired tokens are of no use; a long session would otherwise keep every one.
            if state.tokens.count >= 1000 { state.tokens = state.tokens.filter { $0.value.expiresAt > Date() } }
            state.tokens[token.id] = token
        }
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

    /// As deleting an application credential does: it and every token made with it stop working.
    func revokeCredential(_ id: String) {
        storage.withLock { state in
            state.revokedCredentials.insert(id)
            state.tokens = state.tokens.filter { $0.value.applicationCredential?.id != id }
        }
    }

    func isRevoked(credential id: String) -> Bool { storage.withLock { $0.revokedCredentials.contains(id) } }

    // MARK: Request log

    func beginRequest(
        method: String, path: String, query: String, carriedAuthorization: Bool = false, tokenID: String? = nil
    ) -> Int {
        storage.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            let token = tokenID.flatMap { state.tokens[$0] }
            let request = LoggedRequest(
                method: method, path: path, query: query, status: 0, carriedAuthorization: carriedAuthorization,
                tokenUser: token?.user.name, tokenProject: token?.project?.name)
            // Drop the oldest quarter at once, so that the cost of the shift is spread thin.
            if state.log.count >= logLimit { state.log.removeFirst(max(1, logLimit / 4)) }
            state.log.append(LogEntry(sequence: sequence, request: request))
            return sequence
        }
    }

    func finishRequest(_ sequence: Int, status: Int) {
        storage.withLock { state in
            guard let index = state.log.lastIndex(where: { $0.sequence == sequence }) else { return }
            let old = state.log[index].request
            state.log[index].request = LoggedRequest(
                method: old.method, path: old.path, query: old.query, status: status,
                carriedAuthorization: old.carriedAuthorization, tokenUser: old.tokenUser, tokenProject: old.tokenProject)
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

    func setFault(_ fault: Fault?, forPathPrefix prefix: String, exact: Bool = false, skip: Int = 0, times: Int? = nil) {
        let rule = fault.map { FaultRule(fault: $0, skip: skip, remaining: times) }
        storage.withLock { state in
            if exact { state.exactFaults[Self.trimmed(prefix)] = rule } else { state.faults[prefix] = rule }
        }
    }

    func clearFaults() {
        storage.withLock { state in
            state.faults.removeAll()
            state.exactFaults.removeAll()
        }
    }

    /// The fault for this request, counted: an exact-path rule first, else the longest matching
    /// prefix. A rule skips its first `skip` matches and ends after `times` faults.
    func fault(for path: String) -> Fault? {
        storage.withLock { state in
            if state.faults.isEmpty && state.exactFaults.isEmpty { return nil }
            if let rule = state.exactFaults[Self.trimmed(path)] {
                let (fault, next) = rule.consume()
                state.exactFaults[Self.trimmed(path)] = next
                return fault
            }
            guard let key = state.faults.keys.filter({ path.hasPrefix($0) }).max(by: { $0.count < $1.count }),
                let rule = state.faults[key]
            else { return nil }
            let (fault, next) = rule.consume()
            state.faults[key] = next
            return fault
        }
    }

    /// Whether a hang still holds for this path (not counted: a hanging request polls it).
    func stillHanging(_ path: String) -> Bool {
        storage.withLock { state in
            if let rule = state.exactFaults[Self.trimmed(path)] { return rule.fault == .hang }
            let key = state.faults.keys.filter { path.hasPrefix($0) }.max { $0.count < $1.count }
            return key.flatMap { state.faults[$0] }?.fault == .hang
        }
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
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

/// One injected fault with its counters.
struct FaultRule: Sendable {
    let fault: Fault
    var skip: Int
    /// Faults left; nil for no end.
    var remaining: Int?

    /// The fault for one matching request (nil while skipping), and the rule that stays (nil when spent).
    func consume() -> (Fault?, FaultRule?) {
        var next = self
        if skip > 0 {
            next.skip -= 1
            return (nil, next)
        }
        guard let remaining else { return (fault, self) }
        next.remaining = remaining - 1
        return (fault, remaining - 1 > 0 ? next : nil)
    }
}
