import Foundation

/// Used and total addresses of a network and its subnets (`GET /v2.0/network-ip-availabilities`, admin).
///
/// IPv6 subnets hold more addresses than an `Int` does, so the counts are kept as `Double`
/// (exact for every IPv4 count) and as the raw JSON number.
public struct NetworkIPAvailability: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        // Neutron does not page this collection: one request returns every network.
        service: .network, path: ResourcePath("network-ip-availabilities"), collectionKey: "network_ip_availabilities",
        singularKey: "network_ip_availability", paging: .single, markerField: "network_id",
        filters: [
            .string("network_id"), .string("network_name", "Only the network with exactly this name."),
            .string("project_id"), .ipVersion,
        ], nameFilter: "network_name")

    /// The counts of one subnet.
    public struct SubnetAvailability: Sendable, Hashable {
        public let subnetID: String?
        public let subnetName: String?
        public let cidr: String?
        public let ipVersion: Int?
        public let totalIPs: Double?
        public let usedIPs: Double?
        /// Used addresses inside the allocation pools (newer Neutron), so that free = total - this.
        public let usedIPsInPool: Double?
    }

    public let raw: JSONValue
    public let networkID: String
    public let networkName: String?
    public let projectID: String?
    /// Addresses in the allocation pools.
    public let totalIPs: Double?
    /// Every allocated address, including ones outside the pools (router gateways).
    public let usedIPs: Double?
    public let usedIPsInPool: Double?
    public let subnets: [SubnetAvailability]

    public init(json: JSONValue) throws {
        raw = json
        networkID = try json.required("network_id", in: "NetworkIPAvailability")
        networkName = json.text("network_name")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        totalIPs = Self.number(json["total_ips"])
        usedIPs = Self.number(json["used_ips"])
        usedIPsInPool = Self.number(json["ip_availability_details"]?["used_ips_in_allocation_pool"])
        subnets = (json["subnet_ip_availability"]?.arrayValue ?? []).map { subnet in
            SubnetAvailability(
                subnetID: subnet.text("subnet_id"), subnetName: subnet.text("subnet_name"), cidr: subnet.text("cidr"),
                ipVersion: subnet["ip_version"]?.intValue, totalIPs: Self.number(subnet["total_ips"]),
                usedIPs: Self.number(subnet["used_ips"]),
                usedIPsInPool: Self.number(subnet["ip_availability_details"]?["used_ips_in_allocation_pool"]))
        }
    }

    static func number(_ json: JSONValue?) -> Double? {
        switch json {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .string(let text): return Double(text)
        default: return nil
        }
    }
}
