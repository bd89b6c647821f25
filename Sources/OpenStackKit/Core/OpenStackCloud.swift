import Foundation
import Logging

/// A connection to one cloud: its HTTP client, token cache and resolved endpoints.
///
/// Tools go through `get`, which adds the token, pins the microversion, retries once after a
/// 401 with a fresh token, and turns every failure into an `OpenStackError`.
public final class OpenStackCloud: Sendable {
    public let configuration: CloudConfiguration
    public let http: OpenStackHTTPClient
    public let authenticator: KeystoneAuthenticator
    private let resolver: EndpointResolver
    /// Keeps every URL taken from an answer on its catalog endpoint (shared by region views).
    let links: LinkFollower
    private let logger: Logger
    /// False for a region view, which borrows the connection pool of the cloud it came from.
    private let ownsConnections: Bool

    public init(configuration: CloudConfiguration, logger: Logger = Logger(label: "openstack")) throws {
        self.configuration = configuration
        self.logger = logger
        self.http = try OpenStackHTTPClient(settings: configuration.http, logger: logger)
        self.authenticator = KeystoneAuthenticator(configuration: configuration.auth, http: http, logger: logger)
        self.resolver = EndpointResolver()
        self.links = LinkFollower(logger: logger)
        self.ownsConnections = true
    }

    /// One caller's connection to `base`'s cloud (`--identity caller`): the caller's own
    /// credentials, token, endpoint discovery and cap of `maxRequests` in flight, over `base`'s
    /// connection pool. Nothing of it is shared with another caller or with `base`.
    public init(caller auth: AuthConfiguration, base: OpenStackCloud, maxRequests: Int) {
        var configuration = base.configuration
        configuration.auth = auth
        self.configuration = configuration
        self.logger = base.logger
        self.http = OpenStackHTTPClient(sharing: base.http, callerLimit: maxRequests)
        self.authenticator = KeystoneAuthenticator(configuration: auth, http: http, logger: base.logger)
        self.resolver = EndpointResolver()
        self.links = LinkFollower(logger: base.logger)
        self.ownsConnections = false
    }

    /// A view of `base` that resolves endpoints in `region` but shares its token, pool and discovery cache.
    init(sharing base: OpenStackCloud, region: String) {
        var configuration = base.configuration
        configuration.region = region
        self.configuration = configuration
        self.logger = base.logger
        self.http = base.http
        self.authenticator = base.authenticator
        self.resolver = base.resolver
        self.links = base.links
        self.ownsConnections = false
    }

    public var name: String { configuration.name }

    /// Closes the connection pool (a region view leaves it to the cloud it came from).
    public func shutdown() async {
        if ownsConnections { await http.shutdown() }
    }

    /// The current token (cached).
    public func token() async throws -> AuthToken { try await authenticator.token() }

    /// The region used for a service: the configured one, or the first in the catalog.
    public func effectiveRegion() async -> String? {
        if let region = configuration.region { return region }
        return try? await token().catalog.regions.first
    }

    /// The versioned endpoint and microversion of a service.
    public func endpoint(_ service: ServiceType) async throws -> ResolvedEndpoint {
        let token = try await token()
        let url = try token.catalog.endpoint(for: service, interface: configuration.interface, region: configuration.region)
        return try await resolver.endpoint(
            for: service, region: configuration.region, catalogURL: url, links: links
        ) { [self] discoveryURL in
            try await self.send(service: service, url: discoveryURL, headers: [])
        }
    }

    /// GETs a path under a service's versioned endpoint and parses the JSON answer; `headers` are
    /// the resource's own (Designate's project scope), sent next to the version headers.
    public func get(
        _ service: ServiceType, path: String, query: [URLQueryItem] = [], headers: [(String, String)] = []
    ) async throws -> ServiceResponse {
        let endpoint = try await endpoint(service)
        var url = endpoint.baseURL + Self.joined(path)
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query
            url += "?" + (components.percentEncodedQuery ?? "")
        }
        return try await fetch(service, url: url, endpoint: endpoint, headers: headers)
    }

    /// GETs a URL taken from one of the service's answers (a `next` link). The token goes only to the
    /// catalog endpoint: a link to another scheme, host or port is moved onto the endpoint (see
    /// ``EndpointLink``). `requestURL`, the URL that answered with the link, resolves a relative one.
    public func get(
        _ service: ServiceType, url link: String, endpoint: ResolvedEndpoint, from requestURL: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> ServiceResponse {
        guard let url = links.follow(link, service: service, onto: endpoint.baseURL, catalogURL: endpoint.catalogURL, from: requestURL)
        else {
            throw OpenStackError(
                kind: .decoding, service: service.projectName, message: "the answer links to something that is not an http(s) URL")
        }
        return try await fetch(service, url: url, endpoint: endpoint, headers: headers)
    }

    /// GETs a URL under the endpoint and parses the JSON answer.
    private func fetch(
        _ service: ServiceType, url: String, endpoint: ResolvedEndpoint, headers: [(String, String)] = []
    ) async throws -> ServiceResponse {
        let raw = try await send(service: service, url: url, headers: endpoint.versionHeaders + headers)
        guard raw.isSuccess else {
            throw OpenStackError(
                kind: .http, service: service.projectName, method: "GET", url: Redactor.redactURL(url),
                status: raw.status, message: ErrorBody.parse(raw.body) ?? "HTTP \(raw.status)",
                requestID: raw.requestID)
        }
        // Swift answers an empty listing with 204 and no body.
        if raw.status == 204 && raw.body.isEmpty { return ServiceResponse(json: .null, raw: raw, url: url) }
        do {
            return ServiceResponse(json: try JSONValue.parse(raw.body), raw: raw, url: url)
        } catch {
            throw OpenStackError(
                kind: .decoding, service: service.projectName, method: "GET", url: Redactor.redactURL(url),
                status: raw.status, message: "the answer is not valid JSON", requestID: raw.requestID)
        }
    }

    /// HEADs a path under a service's versioned endpoint: the answer's headers are the data
    /// (Swift's account, container and object metadata). A status other than 2xx is an error.
    public func head(_ service: ServiceType, path: String) async throws -> RawResponse {
        let endpoint = try await endpoint(service)
        let url = endpoint.baseURL + Self.joined(path)
        let raw = try await send(service: service, url: url, headers: endpoint.versionHeaders, method: .HEAD)
        guard raw.isSuccess else {
            let message = raw.status == 404 ? "not found" : ErrorBody.parse(raw.body) ?? "HTTP \(raw.status)"
            throw OpenStackError(
                kind: .http, service: service.projectName, method: "HEAD", url: Redactor.redactURL(url),
                status: raw.status, message: message, requestID: raw.requestID)
        }
        return raw
    }

    /// A path as it follows the endpoint: with one leading slash, or nothing for the endpoint itself.
    static func joined(_ path: String) -> String { path.isEmpty || path.hasPrefix("/") ? path : "/" + path }

    /// An authenticated GET of a catalog URL, whatever it answers: for checks that only ask whether
    /// a service is there (a bare endpoint may well answer 300 or 404).
    public func probe(_ service: ServiceType, url: String) async throws -> RawResponse {
        try await send(service: service, url: url, headers: [])
    }

    /// Sends an authenticated GET (or HEAD, or a POST the read-only rule allows); on a 401 it gets
    /// a new token once and tries again.
    func send(
        service: ServiceType, url: String, headers: [(String, String)], method: OutgoingRequest.Method = .GET,
        body: Data? = nil
    ) async throws -> RawResponse {
        var token = try await authenticator.token()
        var response = try await http.send(
            OutgoingRequest(method: method, url: url, headers: headers + [("X-Auth-Token", token.id)], body: body),
            service: service.projectName)
        if response.status == 401 {
            logger.info("token rejected, authenticating again", metadata: ["service": "\(service.projectName)"])
            await authenticator.invalidate(token)
            token = try await authenticator.token()
            response = try await http.send(
                OutgoingRequest(method: method, url: url, headers: headers + [("X-Auth-Token", token.id)], body: body),
                service: service.projectName)
        }
        return response
    }
}

/// A parsed JSON answer with its raw HTTP details.
public struct ServiceResponse: Sendable {
    public var json: JSONValue
    public var raw: RawResponse
    public var url: String
}
