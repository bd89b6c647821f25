import Foundation

/// A Neutron subnet (`GET /v2.0/subnets`).
public struct Subnet: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("subnets"), collectionKey: "subnets", singularKey: "subnet",
        filters: [
            .string("project_id"), .string("network_id"),
            .string("cidr", "Only the subnet with exactly this CIDR, e.g. 10.0.0.0/24."),
            .ipVersion, .bool("enable_dhcp"),
        ])

    /// A range DHCP and port creation hand addresses out from.
    public struct AllocationPool: Sendable, Hashable {
        public let start: String?
        public let end: String?
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let networkID: String?
    public let projectID: String?
    public let cidr: String?
    public let ipVersion: Int?
    /// nil when the subnet has no gateway.
    public let gatewayIP: String?
    public let enableDHCP: Bool?
    public let allocationPools: [AllocationPool]
    public let dnsNameservers: [String]
    public let hostRoutes: [Route]
    public let subnetPoolID: String?
    public let ipv6AddressMode: String?
    public let ipv6RAMode: String?
    public let segmentID: String?
    public let description: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let tags: [String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Subnet")
        name = json.text("name")
        networkID = json.text("network_id")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        cidr = json.text("cidr")
        ipVersion = json["ip_version"]?.intValue
        gatewayIP = json.text("gateway_ip")
        enableDHCP = json["enable_dhcp"]?.boolValue
        allocationPools = (json["allocation_pools"]?.arrayValue ?? []).map {
            AllocationPool(start: $0.text("start"), end: $0.text("end"))
        }
        dnsNameservers = json.strings(at: "dns_nameservers")
        hostRoutes = Route.list(json["host_routes"])
        subnetPoolID = json.text("subnetpool_id")
        ipv6AddressMode = json.text("ipv6_address_mode")
        ipv6RAMode = json.text("ipv6_ra_mode")
        segmentID = json.text("segment_id")
        description = json.text("description")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        tags = json.strings(at: "tags")
    }
}
