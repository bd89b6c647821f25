import AsyncHTTPClient
import Foundation
import JWTKit
import Logging
import NIOCore

/// The issuer's signing keys, fetched over HTTP and cached.
///
/// The JWKS URL comes from the issuer's RFC 8414 metadata (or OpenID discovery) unless it is
/// configured. Keys are fetched again after `maxAge`, and at once when a token names a key ID
/// the cache does not know or fails its signature check (the issuer rotated its keys), but such
/// forced fetches happen at most once every `minInterval`, so tokens with made-up key IDs or
/// signatures cannot make us hammer the issuer.
actor JWKSCache {
    private let issuer: URL
    private let configuredURL: URL?
    private let logger: Logger
    private let maxAge: Duration
    private let minInterval: Duration
    private var keys: JWTKeyCollection?
    private var kids: Set<String> = []
    private var fetchedAt: ContinuousClock.Instant?
    private var lastForced: ContinuousClock.Instant?
    private var jwksURL: URL?
    private var refreshing: Task<Void, Error>?

    init(issuer: URL, jwksURL: URL?, logger: Logger, maxAge: Duration = .seconds(600), minInterval: Duration = .seconds(10)) {
        self.issuer = issuer
        self.configuredURL = jwksURL
        self.logger = logger
        self.maxAge = maxAge
        self.minInterval = minInterval
    }

    /// Keys that should verify a token signed with `kid`; throws when the issuer cannot be read.
    func keys(for kid: String?) async throws -> JWTKeyCollection {
        let now = ContinuousClock.now
        if let keys, let fetchedAt {
            let known = kid.map(kids.contains) ?? true
            if known && now - fetchedAt < maxAge { return keys }
            if !known {
                await forceRefresh()
                return self.keys ?? keys
            }
        }
        try await refresh()
        guard let keys else { throw AuthSetupError(description: "the issuer's keys could not be read") }
        return keys
    }

    /// Whether the cached keys include this key ID.
    func knows(_ kid: String) -> Bool { kids.contains(kid) }

    /// Fetches the keys again for a token the cached ones cannot verify, unless that was done
    /// less than `minInterval` ago. Returns whether it fetched.
    @discardableResult
    func forceRefresh() async -> Bool {
        let now = ContinuousClock.now
        if let lastForced, now - lastForced < minInterval { return false }
        lastForced = now
        do {
            try await refresh()
            return true
        } catch {
            logger.warning("issuer keys not refreshed", metadata: ["reason": "\(error)"])
            return false
        }
    }

    /// Fetches the keys now (once at a time).
    func refresh() async throws {
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.fetch() }
        refreshing = task
        defer { refreshing = nil }
        try await task.value
    }

    private func fetch() async throws {
        let url = try await resolvedJWKSURL()
        let body = try await Self.get(url)
        let jwks = try JSONDecoder().decode(JWKS.self, from: body)
        let collection = JWTKeyCollection()
        var added: Set<String> = []
        for jwk in jwks.keys {
            // A key without a kid, or of a type we do not verify with, is skipped, not fatal.
            guard let kid = jwk.keyIdentifier?.string else { continue }
            if (try? await collection.add(jwk: jwk)) != nil { added.insert(kid) }
        }
        keys = collection
        kids = added
        fetchedAt = .now
        logger.info("issuer keys fetched", metadata: ["jwks": "\(url.absoluteString)", "keys": "\(added.count)"])
    }

    private func resolvedJWKSURL() async throws -> URL {
        if let url = configuredURL ?? jwksURL { return url }
        var candidates: [URL] = []
        let path = issuer.path == "/" ? "" : issuer.path
        if var components = URLComponents(url: issuer, resolvingAgainstBaseURL: false) {
            for suffix in ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"] {
                components.path = suffix + path
                if let url = components.url { candidates.append(url) }
            }
        }
        candidates.append(issuer.appendingPathComponent(".well-known/openid-configuration"))
        for candidate in candidates {
            guard let body = try? await Self.get(candidate),
                let document = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
                let text = document["jwks_uri"] as? String, let url = URL(string: text)
            else { continue }
            if let named = document["issuer"] as? String, OAuthVerifier.sameIssuer(named, issuer.absoluteString) == false {
                throw AuthSetupError(description: "the metadata at \(candidate.absoluteString) names issuer \(named), not \(issuer.absoluteString)")
            }
            jwksURL = url
            return url
        }
        throw AuthSetupError(description: "no authorization server metadata with a jwks_uri under \(issuer.absoluteString)")
    }

    static func get(_ url: URL) async throws -> Data {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw AuthSetupError(description: "\(url.absoluteString) answered HTTP \(response.status.code)")
        }
        return Data(buffer.readableBytesView)
    }
}
