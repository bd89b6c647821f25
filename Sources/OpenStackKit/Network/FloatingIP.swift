import Foundation

/// A Neutron floating IP (`GET /v2.0/floatingips`).
public struct FloatingIP: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("floatingips"), collectionKey: "floatingips", singularKey: "floatingip",
        filters: [
            .string("project_id"),
            .string("floating_network_id", "External network ID"),
            .string("port_id", ""),
            .string("router_id", ""),
            .string("floating_ip_address", ""),
            .string("fixed_ip_address", ""),
            .enumeration(
                "status", ["ACTIVE", "DOWN", "ERROR"], .uppercased, "DOWN: not associated"),
        ], nameFilter: "floating_ip_address")

    /// The associated port, as embedded by Neutron's `fip-port-details` extension.
    public struct PortDetails: Sendable, Hashable {
        public let deviceID: String?
        public let deviceOwner: String?
        public let networkID: String?
        public let macAddress: String?
        public let status: String?
    }

    public let raw: JSONValue
    public let id: String
    public let floatingIPAddress: String?
    public let fixedIPAddress: String?
    public let floatingNetworkID: String?
    /// nil when the address is not associated.
    public let portID: String?
    public let routerID: String?
    public let projectID: String?
    public let status: String?
    public let description: String?
    public let dnsName: String?
    public let dnsDomain: String?
    public let portDetails: PortDetails?
    public let portForwardings: [JSONValue]
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "FloatingIP")
        floatingIPAddress = json.text("floating_ip_address")
        fixedIPAddress = json.text("fixed_ip_address")
        floatingNetworkID = json.text("floating_network_id")
        portID = json.text("port_id")
        routerID = json.text("router_id")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        status = json.text("status")
        description = json.text("description")
        dnsName = json.text("dns_name")
        dnsDomain = json.text("dns_domain")
        portDetails = json["port_details"]?.objectValue.map { details in
            PortDetails(
                deviceID: details["device_id"]?.stringValue, deviceOwner: details["device_owner"]?.stringValue,
                networkID: details["network_id"]?.stringValue, macAddress: details["mac_address"]?.stringValue,
                status: details["status"]?.stringValue)
        }
        portForwardings = json["port_forwardings"]?.arrayValue ?? []
        createdAt = json.text("created_at")
    }
}
