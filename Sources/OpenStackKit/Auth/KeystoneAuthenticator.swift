import Foundation
import Logging

/// Gets and caches the Keystone token of one cloud.
///
/// The token is reused until shortly before it expires. Concurrent callers that need a new token
/// share one request (single flight), and a token the services rejected is replaced only once,
/// however many callers saw the 401.
public actor KeystoneAuthenticator {
    public private(set) var configuration: AuthConfiguration
    let http: OpenStackHTTPClient
    let logger: Logger
    let refreshMargin: TimeInterval
    private var current: AuthToken?
    private var inFlight: Task<AuthToken, Error>?
    /// Number of token requests sent to Keystone, for tests and benchmarks.
    public private(set) var tokenRequests = 0

    public init(
        configuration: AuthConfiguration, http: OpenStackHTTPClient, refreshMargin: TimeInterval = 120,
        logger: Logger = Logger(label: "openstack.auth")
    ) {
        self.configuration = configuration
        self.http = http
        self.refreshMargin = refreshMargin
        self.logger = logger
    }

    /// A valid token, from the cache when it has enough life left.
    public func token() async throws -> AuthToken {
        if let current, !current.isExpiring(within: refreshMargin) { return current }
        return try await refresh()
    }

    /// The cached token if it still has enough life left; never asks Keystone.
    public var cachedToken: AuthToken? {
        guard let current, !current.isExpiring(within: refreshMargin) else { return nil }
        return current
    }

    /// Drops `rejected` if it is still the cached token, so the next `token()` authenticates again.
    public func invalidate(_ rejected: AuthToken) {
        if current?.id == rejected.id { current = nil }
    }

    /// A federated caller's newest access token, for the next exchange (the one the cached
    /// token came from may have expired since; the caller's client refreshes it).
    public func updateAccessToken(_ accessToken: String) {
        guard case .federated(var access) = configuration.method, access.accessToken != accessToken else { return }
        access.accessToken = accessToken
        configuration.method = .federated(access)
    }

    private func refresh() async throws -> AuthToken {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.authenticate() }
        inFlight = task
        defer { inFlight = nil }
        let kind = tokenRequests == 0 ? "issue" : "refresh"
        let token: AuthToken
        do {
            token = try await task.value
            ServerMetrics.tokenRequested(kind: kind, succeeded: true)
        } catch {
            ServerMetrics.tokenRequested(kind: kind, succeeded: false)
            throw error
        }
        current = token
        return token
    }

    /// A 404 or 405 to the token POST means the URL is not Keystone's (often another service's
    /// endpoint, or a web server), which the generic "resource deleted" hint would hide.
    static func notKeystoneHint(status: Int) -> String? {
        guard [404, 405, 501].contains(status) else { return nil }
        return "this URL does not answer as Keystone v3; set OS_AUTH_URL (--auth-url, auth_url) to the identity endpoint, "
            + "e.g. https://keystone.example.com:5000/v3 (`openstack catalog show identity` shows it)"
    }

    private func authenticate() async throws -> AuthToken {
        tokenRequests += 1
        switch configuration.method {
        case .none:
            throw OpenStackError(
                kind: .configuration, service: "Keystone", method: "POST",
                message: "this server has no OpenStack identity of its own (--identity caller)",
                nextStep: "each request brings its caller's identity: X-OpenStack-Application-Credential-ID and -Secret headers, or an OAuth access token")
        case .federated(let access):
            return try await federatedToken(access)
        case .password, .applicationCredential, .token:
            let url = configuration.authURL.absoluteString + "/auth/tokens"
            let requestBody = try JSONEncoder().encode(configuration.requestBody())
            let response = try await http.send(OutgoingRequest(method: .POST, url: url, body: requestBody), service: "Keystone")
            guard response.status == 201 || response.status == 200 else {
                // Keystone answers a deleted application credential with 404 ("Could not find"),
                // which is a refused credential, not a missing API.
                var deletedCredential = false
                if case .applicationCredential = configuration.method { deletedCredential = response.status == 404 }
                let rejected = response.status == 401 || deletedCredential
                throw OpenStackError(
                    kind: rejected ? .authentication : .http, service: "Keystone", method: "POST", url: url,
                    status: response.status, message: ErrorBody.parse(response.body) ?? "Keystone refused the token request",
                    requestID: response.requestID,
                    nextStep: deletedCredential || (rejected && configuration.typeName == "v3applicationcredential")
                        ? "Keystone refused the application credential (deleted, expired or a wrong secret): create a new one (openstack application credential create NAME) and use its ID and secret"
                        : rejected
                            ? "check the credentials (user, password or application credential), the project and the domains"
                            : Self.notKeystoneHint(status: response.status))
            }
            return try readToken(response, url: url)
        }
    }

    /// The token of a successful `POST /auth/tokens` (or federated auth): its ID from
    /// `X-Subject-Token`, the rest from the body.
    func readToken(_ response: RawResponse, url: String) throws -> AuthToken {
        guard let tokenID = response.header("x-subject-token"), !tokenID.isEmpty else {
            throw OpenStackError(
                kind: .decoding, service: "Keystone", method: "POST", url: url, status: response.status,
                message: "the answer has no X-Subject-Token header", requestID: response.requestID)
        }
        let decoded: TokenResponse
        do {
            decoded = try JSONDecoder().decode(TokenResponse.self, from: response.body)
        } catch {
            throw OpenStackError(
                kind: .decoding, service: "Keystone", method: "POST", url: url, status: response.status,
                message: "the token body could not be read (\(error))", requestID: response.requestID,
                nextStep: Self.notKeystoneHint(status: 404))
        }
        let body = decoded.token
        guard let expires = KeystoneDate.parse(body.expiresAt) else {
            throw OpenStackError(
                kind: .decoding, service: "Keystone", method: "POST", url: url,
                message: "expires_at '\(body.expiresAt)' is not a date")
        }
        if expires.timeIntervalSinceNow < refreshMargin {
            throw OpenStackError(
                kind: .authentication, service: "Keystone", method: "POST", url: url,
                message: "the new token expires at \(body.expiresAt), which is already past or about to pass",
                nextStep: "the clocks of this host and Keystone disagree; fix NTP on both")
        }
        logger.debug("authenticated", metadata: ["project": "\(body.project?.name ?? "-")", "expires_at": "\(body.expiresAt)"])
        return AuthToken(
            id: tokenID, expiresAt: expires, issuedAt: body.issuedAt.flatMap(KeystoneDate.parse),
            userID: body.user?.id, userName: body.user?.name, projectID: body.project?.id,
            projectName: body.project?.name, roles: (body.roles ?? []).compactMap(\.name),
            catalog: ServiceCatalog(entries: body.catalog ?? []), identity: TokenIdentity(body))
    }
}
