import Foundation

/// A service endpoint ready for requests: its versioned base URL and negotiated microversion.
public struct ResolvedEndpoint: Sendable {
    public var service: ServiceType
    /// Versioned base URL with no trailing slash, e.g. `https://nova:8774/v2.1`.
    public var baseURL: String
    /// Scheme, host and port of the endpoint (`https://[fd00::1]:8774`).
    public var origin: String
    /// The microversion sent with every request, if the service has microversions.
    public var microversion: Microversion?
    /// The catalog's URL for the service, before version discovery (what operators configured).
    public var catalogURL: String = ""

    /// Headers that pin the microversion.
    public var versionHeaders: [(String, String)] {
        guard let microversion, let name = service.microversionHeaderName else { return [] }
        // Ironic reads its own header (the generic one only from 1.x releases on).
        if service == .baremetal { return [("X-OpenStack-Ironic-API-Version", microversion.description)] }
        // Manila reads only its own header, never `OpenStack-API-Version`.
        if service == .sharedFileSystem { return [("X-OpenStack-Manila-API-Version", microversion.description)] }
        var headers = [("OpenStack-API-Version", "\(name) \(microversion)")]
        if service == .compute { headers.append(("X-OpenStack-Nova-API-Version", microversion.description)) }
        return headers
    }

    /// True when the negotiated microversion is at least `major.minor`.
    public func supports(_ major: Int, _ minor: Int) -> Bool {
        guard let microversion else { return false }
        return microversion >= Microversion(major, minor)
    }
}
