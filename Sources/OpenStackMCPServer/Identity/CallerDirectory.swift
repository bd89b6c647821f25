import Crypto
import Foundation
import NIOConcurrencyHelpers
import OpenStackKit

/// One caller's connection to the cloud: their own token cache and endpoint discovery (inside
/// `cloud`), and how many of their tool calls are running.
final class CallerEntry: Sendable {
    let key: String
    let principal: String
    let cloud: OpenStackCloud
    private let running = NIOLockedValueBox(0)

    init(key: String, principal: String, cloud: OpenStackCloud) {
        self.key = key
        self.principal = principal
        self.cloud = cloud
    }

    /// Takes a place for one tool call, or false when `limit` are already running.
    func enter(limit: Int) -> Bool {
        running.withLockedValue { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { running.withLockedValue { $0 -= 1 } }
}

/// The callers whose tokens the server keeps: at most `capacity`, the least recently seen
/// dropped first. Each entry is found only by its caller's key (see ``CallerCredential``),
/// so nothing of one caller ever serves another.
actor CallerDirectory {
    private let base: OpenStackCloud
    private let settings: CallerIdentitySettings
    private let salt = SymmetricKey(size: .bits256)
    private var entries: [String: (entry: CallerEntry, lastSeen: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(base: OpenStackCloud, settings: CallerIdentitySettings) {
        self.base = base
        self.settings = settings
    }

    /// The caller's entry: the kept one, or a new one that is kept only once Keystone has
    /// accepted it (``admit(_:)``), so that a flood of made-up credentials cannot push real
    /// callers out of the cache. A federated caller's newest access token is handed to their
    /// authenticator for the next exchange.
    func entry(for credential: CallerCredential, project: String?) async -> CallerEntry {
        let key = credential.cacheKey(project: project, salt: salt)
        clock += 1
        if let found = entries[key] {
            entries[key] = (found.entry, clock)
            if case .federated(_, let accessToken) = credential {
                await found.entry.cloud.authenticator.updateAccessToken(accessToken)
            }
            return found.entry
        }
        let auth = credential.auth(authURL: base.configuration.auth.authURL, settings: settings, project: project)
        let cloud = OpenStackCloud(caller: auth, base: base, maxRequests: settings.maxUpstream)
        return CallerEntry(key: key, principal: credential.principal, cloud: cloud)
    }

    /// Keeps an entry Keystone accepted; the least recently seen goes when the cache is full. When
    /// a concurrent first request of the same caller was kept already, that one is returned.
    func admit(_ entry: CallerEntry) -> CallerEntry {
        clock += 1
        if let kept = entries[entry.key] {
            entries[entry.key] = (kept.entry, clock)
            return kept.entry
        }
        if entries.count >= max(1, settings.cacheSize), let oldest = entries.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
            entries[oldest.key] = nil
        }
        entries[entry.key] = (entry, clock)
        return entry
    }

    /// Forgets a caller whose credential Keystone refused: the next request authenticates anew.
    func drop(_ entry: CallerEntry) {
        if entries[entry.key]?.entry === entry { entries[entry.key] = nil }
    }
}
