import Foundation

/// A microversion like `2.96`, compared numerically (2.100 > 2.96).
public struct Microversion: Sendable, Comparable, CustomStringConvertible, Hashable {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major, minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

extension ServiceType {
    /// The newest microversion this client understands, or nil for services without microversions.
    public var maximumMicroversion: Microversion? {
        switch self {
        case .compute: return Microversion(2, 100)
        case .blockStorage: return Microversion(3, 71)
        case .placement: return Microversion(1, 39)
        // Allocations need 1.52 and lessee 1.65; later versions add nothing the tools show.
        case .baremetal: return Microversion(1, 80)
        case .sharedFileSystem: return Microversion(2, 84)
        default: return nil
        }
    }

    /// The name used in the `OpenStack-API-Version` header.
    var microversionHeaderName: String? {
        switch self {
        case .compute: return "compute"
        case .blockStorage: return "volume"
        case .placement: return "placement"
        case .baremetal: return "baremetal"
        // Manila sends its own header (see `ResolvedEndpoint.versionHeaders`).
        case .sharedFileSystem: return "share"
        default: return nil
        }
    }

    /// The API version path segment expected when an endpoint is unversioned.
    var defaultVersionSegment: String? {
        switch self {
        case .compute: return "v2.1"
        case .network: return "v2.0"
        case .blockStorage: return "v3"
        case .image: return "v2"
        case .identity: return "v3"
        case .loadBalancer: return "v2"
        case .keyManager, .baremetal: return "v1"
        case .dns: return "v2"
        // Heat's and Swift's catalog URLs carry their version (and the project); Placement's root is its API.
        case .placement, .orchestration, .objectStore: return nil
        case .sharedFileSystem: return "v2"
        // Gnocchi's and Aodh's catalog URLs are usually their roots (`http://host:8041`).
        case .metric: return "v1"
        case .alarming: return "v2"
        }
    }
}

/// A version entry read from a service's discovery document.
struct DiscoveredVersion: Sendable {
    var id: String
    var status: String
    var selfURL: String?
    var minVersion: Microversion?
    var maxVersion: Microversion?

    /// Reads `{"version": {...}}`, `{"versions": [...]}`, `{"versions": {"values": [...]}}` and `{"choices": [...]}`.
    static func parseAll(_ json: JSONValue) -> [DiscoveredVersion] {
        var entries: [JSONValue] = []
        if let single = json["version"], single.objectValue != nil { entries = [single] }
        if let list = json["versions"]?.arrayValue { entries = list }
        if let list = json["versions"]?["values"]?.arrayValue { entries = list }
        if let list = json["choices"]?.arrayValue { entries = list }
        return entries.compactMap { entry in
            guard let id = entry["id"]?.stringValue else { return nil }
            let selfLink = entry["links"]?.arrayValue?.first { $0["rel"]?.stringValue == "self" }
            let max = (entry["version"]?.stringValue ?? entry["max_version"]?.stringValue).flatMap { Microversion($0) }
            let min = entry["min_version"]?.stringValue.flatMap { Microversion($0) }
            return DiscoveredVersion(
                id: id, status: entry["status"]?.stringValue ?? "", selfURL: selfLink?["href"]?.stringValue,
                minVersion: min, maxVersion: max)
        }
    }

    var isUsable: Bool {
        ["current", "stable", "supported"].contains(status.lowercased())
    }
}
