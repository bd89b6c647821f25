import Foundation

/// One entry of the Keystone service catalog.
public struct CatalogEntry: Sendable, Codable, Equatable {
    public struct Endpoint: Sendable, Codable, Equatable {
        public var id: String?
        public var interface: String
        public var region: String?
        public var regionID: String?
        public var url: String

        enum CodingKeys: String, CodingKey {
            case id, interface, region, url
            case regionID = "region_id"
        }
    }

    public var id: String?
    public var name: String?
    public var type: String
    public var endpoints: [Endpoint]
}

/// Service types with their aliases, in the order openstacksdk prefers them.
public enum ServiceType: String, Sendable, CaseIterable {
    case identity, compute, network, blockStorage = "block-storage", image, placement
    case orchestration, loadBalancer = "load-balancer", objectStore = "object-store"
    // Issue 24's services.
    case dns, keyManager = "key-manager", baremetal
    case sharedFileSystem = "shared-file-system", metric, alarming

    /// Catalog types that name this service, best first.
    public var catalogTypes: [String] {
        switch self {
        case .identity: return ["identity"]
        case .compute: return ["compute"]
        case .network: return ["network"]
        case .blockStorage: return ["block-storage", "volumev3", "volume", "block-store"]
        case .image: return ["image"]
        case .placement: return ["placement"]
        case .orchestration: return ["orchestration"]
        case .loadBalancer: return ["load-balancer"]
        case .objectStore: return ["object-store"]
        case .keyManager: return ["key-manager"]
        case .baremetal: return ["baremetal"]
        case .sharedFileSystem: return ["shared-file-system", "sharev2", "share"]
        case .metric: return ["metric"]
        case .alarming: return ["alarming"]
        case .dns: return ["dns"]
        }
    }

    /// The project name users know the service by, used in errors.
    public var projectName: String {
        switch self {
        case .identity: return "Keystone"
        case .compute: return "Nova"
        case .network: return "Neutron"
        case .blockStorage: return "Cinder"
        case .image: return "Glance"
        case .placement: return "Placement"
        case .orchestration: return "Heat"
        case .loadBalancer: return "Octavia"
        case .objectStore: return "Swift"
        case .keyManager: return "Barbican"
        case .baremetal: return "Ironic"
        case .sharedFileSystem: return "Manila"
        case .metric: return "Gnocchi"
        case .alarming: return "Aodh"
        case .dns: return "Designate"
        }
    }
}

/// The catalog of a token, and the rules to pick one endpoint from it.
public struct ServiceCatalog: Sendable, Equatable {
    public var entries: [CatalogEntry]

    public init(entries: [CatalogEntry]) { self.entries = entries }

    /// Every region named in the catalog, in first-seen order.
    public var regions: [String] {
        var seen: [String] = []
        for entry in entries {
            for endpoint in entry.endpoints {
                if let region = endpoint.region ?? endpoint.regionID, !seen.contains(region) { seen.append(region) }
            }
        }
        return seen
    }

    /// Picks the endpoint URL for a service: by type and aliases, then interface, then region.
    ///
    /// With no region given, the first region that offers the service is used.
    public func endpoint(for service: ServiceType, interface: String, region: String?) throws -> URL {
        let wanted = Self.normalizeInterface(interface)
        for type in service.catalogTypes {
            let candidates = entries.filter { $0.type == type }.flatMap(\.endpoints)
            guard !candidates.isEmpty else { continue }
            let inInterface = candidates.filter { Self.normalizeInterface($0.interface) == wanted }
            let inRegion = inInterface.filter { region == nil || ($0.region ?? $0.regionID) == region }
            if let match = inRegion.first, let url = URL(string: match.url) { return url }
            if let region, !inInterface.isEmpty { throw regionError(service, type: type, region: region, offered: inInterface) }
            let available = Set(candidates.map { "\($0.interface)@\($0.region ?? $0.regionID ?? "-")" }).sorted()
            throw OpenStackError(
                kind: .catalog, service: service.projectName,
                message: "the catalog has \(type) endpoints only at \(available.joined(separator: ", ")), not \(wanted)\(region.map { "@" + $0 } ?? "")",
                nextStep: "pass --interface and --region that the catalog offers")
        }
        throw OpenStackError(
            kind: .catalog, service: service.projectName,
            message: "the catalog has no \(service.catalogTypes.joined(separator: "/")) service",
            nextStep: "this cloud does not run \(service.projectName), or your token's catalog hides it; check `openstack catalog list`")
    }

    /// The service exists, but not in `region`: name the regions that have it.
    private func regionError(_ service: ServiceType, type: String, region: String, offered: [CatalogEntry.Endpoint]) -> OpenStackError {
        var have: [String] = []
        for endpoint in offered {
            if let name = endpoint.region ?? endpoint.regionID, !have.contains(name) { have.append(name) }
        }
        guard regions.contains(region) else {
            return OpenStackError(
                kind: .catalog, service: service.projectName,
                message: "region '\(region)' is not in this cloud's catalog; its regions are \(regions.joined(separator: ", "))",
                nextStep: "use one of those region names (they are case-sensitive)")
        }
        return OpenStackError(
            kind: .catalog, service: service.projectName,
            message: "\(service.projectName) (\(type)) is not offered in region \(region); regions that have it: \(have.joined(separator: ", "))",
            nextStep: "ask again with region \(have.first ?? "set to one of those")")
    }

    static func normalizeInterface(_ value: String) -> String {
        let lower = value.lowercased()
        return lower.hasSuffix("url") ? String(lower.dropLast(3)) : lower
    }
}

extension ServiceCatalog {
    /// The services this catalog offers, by the types (and aliases) the tools know.
    public var serviceTypes: Set<ServiceType> {
        let types = Set(entries.map { $0.type.lowercased() })
        return Set(ServiceType.allCases.filter { $0.catalogTypes.contains(where: types.contains) })
    }
}
