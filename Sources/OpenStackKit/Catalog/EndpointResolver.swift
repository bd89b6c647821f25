import Foundation
import Logging

/// Finds and remembers each service's versioned endpoint and microversion, once per cloud.
actor EndpointResolver {
    private var resolved: [String: ResolvedEndpoint] = [:]
    private var pending: [String: Task<ResolvedEndpoint, Error>] = [:]

    func endpoint(
        for service: ServiceType, region: String?, catalogURL: URL, links: LinkFollower,
        discover: @escaping @Sendable (String) async throws -> RawResponse
    ) async throws -> ResolvedEndpoint {
        let key = "\(service.rawValue)|\(region ?? "")|\(catalogURL.absoluteString)"
        if let endpoint = resolved[key] { return endpoint }
        if let task = pending[key] { return try await task.value }
        let task = Task { try await Self.resolve(service: service, catalogURL: catalogURL, links: links, discover: discover) }
        pending[key] = task
        defer { pending[key] = nil }
        let endpoint = try await task.value
        resolved[key] = endpoint
        return endpoint
    }

    /// Version discovery: use the version in the URL if there is one, else read the service's version list.
    static func resolve(
        service: ServiceType, catalogURL: URL, links: LinkFollower, discover: @Sendable (String) async throws -> RawResponse
    ) async throws -> ResolvedEndpoint {
        var base = catalogURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let origin = Self.origin(of: catalogURL)
        let segments = catalogURL.path.split(separator: "/").map(String.init)
        let versionIndex = segments.firstIndex { $0.range(of: #"^v\d+(\.\d+)?$"#, options: .regularExpression) != nil }
        var versions: [DiscoveredVersion] = []

        if let versionIndex {
            // Versioned: the version root (without any project-id suffix) describes the microversions.
            if service.maximumMicroversion != nil {
                let root = origin + "/" + segments[...versionIndex].joined(separator: "/") + "/"
                versions = (try await Self.probe(root, discover)).flatMap { try? JSONValue.parse($0.body) }
                    .map(DiscoveredVersion.parseAll) ?? []
            }
        } else if let segment = service.defaultVersionSegment {
            let answer = try await Self.probe(base + "/", discover)
            versions = answer.flatMap { try? JSONValue.parse($0.body) }.map(DiscoveredVersion.parseAll) ?? []
            let major = String(segment.prefix { $0 != "." })
            let match = versions.filter { $0.isUsable && $0.id.hasPrefix(major) }
                .max { ($0.maxVersion ?? Microversion(0, 0)) < ($1.maxVersion ?? Microversion(0, 0)) || $0.id < $1.id }
            // The version's link, moved onto the catalog's endpoint (it may name an internal host).
            if let href = match?.selfURL,
                let url = links.follow(href, service: service, onto: base, catalogURL: catalogURL.absoluteString),
                let version = URL(string: url)?.path.split(separator: "/").last, EndpointLink.isVersion(version),
                url.hasPrefix(base + "/")
            {
                base = String(url.prefix { $0 != "?" })
                while base.hasSuffix("/") { base.removeLast() }
            } else {
                base += "/" + segment
            }
        } else {
            // Placement: the root is the API; its document lists the microversions.
            versions = (try await Self.probe(base + "/", discover)).flatMap { try? JSONValue.parse($0.body) }
                .map(DiscoveredVersion.parseAll) ?? []
        }

        var microversion: Microversion?
        if let ours = service.maximumMicroversion {
            let theirs = versions.compactMap(\.maxVersion).filter { $0.major == ours.major }.max()
            microversion = theirs.map { min($0, ours) }
        }
        return ResolvedEndpoint(
            service: service, baseURL: base, origin: origin, microversion: microversion, catalogURL: catalogURL.absoluteString)
    }

    /// A discovery answer, or nil when the service has no usable version document. A service that
    /// does not answer at all fails the call now, rather than costing a second deadline on the request.
    static func probe(_ url: String, _ discover: @Sendable (String) async throws -> RawResponse) async throws -> RawResponse? {
        do {
            return try await discover(url)
        } catch let error as OpenStackError where error.kind == .timeout || error.kind == .unreachable {
            throw error
        } catch {
            return nil
        }
    }

    /// `scheme://host[:port]`, with an IPv6 host in brackets (`URL.host` drops them).
    static func origin(of url: URL) -> String {
        if let origin = EndpointLink.origin(of: url.absoluteString) { return origin }
        var text = "\(url.scheme ?? "http")://\(url.host ?? "")"
        if let port = url.port { text += ":\(port)" }
        return text
    }
}
