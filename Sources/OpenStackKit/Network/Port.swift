import Foundation

/// A Neutron port (`GET /v2.0/ports`): a server NIC, router interface or gateway, DHCP port, ...
public struct Port: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("ports"), collectionKey: "ports", singularKey: "port",
        filters: [
            .string("project_id"), .string("network_id"),
            .string("device_id", "Only ports of this device: a server ID, router ID, ..."),
            .string(
                "device_owner",
                "e.g. compute:nova, network:router_interface, network:dhcp"),
            .string("mac_address", ""),
            .string("host", upstream: "binding:host_id", "Compute host (binding:host_id; admin)"),
            .enumeration("status", ["ACTIVE", "DOWN", "BUILD", "ERROR", "N/A"], .uppercased),
            .string("ip_address", upstream: "fixed_ips", transform: .template("ip_address=%@"), "Fixed IP address"),
            .string("subnet_id", upstream: "fixed_ips", transform: .template("subnet_id=%@"), ""),
        ])

    /// A trunk whose parent this port is (`trunk_details`).
    public struct TrunkDetails: Sendable, Hashable {
        public let trunkID: String?
        public let subPorts: [Trunk.SubPort]
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let networkID: String?
    public let projectID: String?
    public let macAddress: String?
    public let fixedIPs: [FixedIP]
    /// The server, router, DHCP agent, floating IP or trunk that uses the port.
    public let deviceID: String?
    /// e.g. `compute:nova`, `network:router_interface`, `network:dhcp`.
    public let deviceOwner: String?
    public let status: String?
    public let adminStateUp: Bool?
    public let securityGroupIDs: [String]
    public let portSecurityEnabled: Bool?
    /// `binding:host_id` (admins only).
    public let hostID: String?
    public let vifType: String?
    public let vnicType: String?
    public let dnsName: String?
    public let allowedAddressPairs: [JSONValue]
    public let description: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let trunkDetails: TrunkDetails?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Port")
        name = json.text("name")
        networkID = json.text("network_id")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        macAddress = json.text("mac_address")
        fixedIPs = FixedIP.list(json["fixed_ips"])
        deviceID = json.text("device_id")
        deviceOwner = json.text("device_owner")
        status = json.text("status")
        adminStateUp = json["admin_state_up"]?.boolValue
        securityGroupIDs = json.strings(at: "security_groups")
        portSecurityEnabled = json["port_security_enabled"]?.boolValue
        hostID = json.text("binding:host_id")
        vifType = json.text("binding:vif_type")
        vnicType = json.text("binding:vnic_type")
        dnsName = json.text("dns_name")
        allowedAddressPairs = json["allowed_address_pairs"]?.arrayValue ?? []
        description = json.text("description")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        trunkDetails = json["trunk_details"]?.objectValue.map { details in
            TrunkDetails(
                trunkID: details["trunk_id"]?.stringValue,
                subPorts: (details["sub_ports"]?.arrayValue ?? []).map(Trunk.SubPort.init(json:)))
        }
    }
}
