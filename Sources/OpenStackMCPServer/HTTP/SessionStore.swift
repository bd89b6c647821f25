import Foundation
import Logging
import NIOCore
import OpenStackKit

/// Legacy-era sessions for `--stateful` (spec 2025-11-25: Mcp-Session-Id, a GET stream, DELETE).
///
/// A session is only an ID with its clock and its open GET stream: answers are never kept for
/// replay, so a session costs the same whatever it has done. Sessions end on DELETE, after an
/// idle period, or at a maximum age, and at most `maxSessions` are open. Every method checks and
/// changes the table without suspending, so two `initialize` calls cannot both take the last place.
actor SessionStore {
    private struct Session {
        let created: ContinuousClock.Instant
        var lastUsed: ContinuousClock.Instant
        var stream: AsyncStream<ByteBuffer>.Continuation?
    }

    enum Lookup { case found, missing }

    private let options: ServerOptions
    private let logger: Logger
    private var sessions: [String: Session] = [:]
    private var draining = false

    init(options: ServerOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    var count: Int { sessions.count }

    /// A new session's ID, or nil when the cap is reached.
    func open() -> String? {
        guard sessions.count < options.maxSessions else { return nil }
        let id = UUID().uuidString
        sessions[id] = Session(created: .now, lastUsed: .now, stream: nil)
        ServerMetrics.sessionsOpen(sessions.count)
        logger.debug("session opened", metadata: ["sessions": "\(sessions.count)"])
        return id
    }

    /// Marks a session as used; `.missing` when it never existed or has ended.
    func touch(_ id: String) -> Lookup {
        guard sessions[id] != nil else { return .missing }
        sessions[id]?.lastUsed = .now
        return .found
    }

    /// Attaches the session's one GET stream; nil when the session is missing or already has one.
    func attachStream(_ id: String, _ continuation: AsyncStream<ByteBuffer>.Continuation) -> Bool {
        guard !draining, let session = sessions[id], session.stream == nil else { return false }
        sessions[id]?.stream = continuation
        sessions[id]?.lastUsed = .now
        return true
    }

    /// The stream went away (the client closed it): the session stays.
    func detachStream(_ id: String) {
        sessions[id]?.stream = nil
    }

    /// Ends a session and its stream; false when there was none.
    @discardableResult
    func close(_ id: String) -> Bool {
        guard let session = sessions.removeValue(forKey: id) else { return false }
        ServerMetrics.sessionsOpen(sessions.count)
        session.stream?.finish()
        return true
    }

    /// Ends sessions that were idle too long or are too old.
    func reap(now: ContinuousClock.Instant = .now) {
        let expired = sessions.filter {
            now - $0.value.lastUsed > options.sessionIdleTimeout || now - $0.value.created > options.sessionMaxAge
        }
        for id in expired.keys { close(id) }
        if !expired.isEmpty { logger.debug("sessions expired", metadata: ["count": "\(expired.count)"]) }
    }

    /// Ends every session (at shutdown), which finishes their open streams.
    func closeAll() {
        for id in Array(sessions.keys) { close(id) }
    }

    /// At graceful shutdown: finishes the open GET streams, so that the HTTP server can drain,
    /// and refuses new ones, but keeps the sessions, so that calls already on their way during
    /// the drain are still answered rather than told their session is gone.
    func drain() {
        draining = true
        for id in Array(sessions.keys) {
            sessions[id]?.stream?.finish()
            sessions[id]?.stream = nil
        }
    }
}
