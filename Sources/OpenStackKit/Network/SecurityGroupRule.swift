import Foundation

/// A rule of a Neutron security group (`GET /v2.0/security-group-rules`, and embedded in each group).
public struct SecurityGroupRule: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("security-group-rules"), collectionKey: "security_group_rules", singularKey: "security_group_rule",
        filters: [
            .string("security_group_id"), .string("project_id"),
            .string("remote_group_id", "Only rules whose remote is this security group."),
            .string("remote_ip_prefix", "Only rules with exactly this remote CIDR, e.g. 0.0.0.0/0."),
            .enumeration("direction", ["ingress", "egress"], .lowercased, "Only inbound (ingress) or outbound (egress) rules."),
            .enumeration("ethertype", ["IPv4", "IPv6"], .canonical),
            .string("protocol", transform: .lowercased, "Only rules for this protocol, e.g. tcp, udp, icmp."),
        ], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let securityGroupID: String?
    /// `ingress` or `egress`.
    public let direction: String?
    /// `IPv4` or `IPv6`.
    public let ethertype: String?
    /// `tcp`, `udp`, `icmp`, a number, or nil for any protocol.
    public let ipProtocol: String?
    public let portRangeMin: Int?
    public let portRangeMax: Int?
    public let remoteIPPrefix: String?
    public let remoteGroupID: String?
    public let remoteAddressGroupID: String?
    public let projectID: String?
    public let description: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "SecurityGroupRule")
        securityGroupID = json.text("security_group_id")
        direction = json.text("direction")
        ethertype = json.text("ethertype")
        ipProtocol = json.text("protocol")
        portRangeMin = json["port_range_min"]?.intValue
        portRangeMax = json["port_range_max"]?.intValue
        remoteIPPrefix = json.text("remote_ip_prefix")
        remoteGroupID = json.text("remote_group_id")
        remoteAddressGroupID = json.text("remote_address_group_id")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        description = json.text("description")
        createdAt = json.text("created_at")
    }

    /// The CLI's "Port Range": `22:22`, or nil when the rule covers every port.
    public var portRange: String? {
        guard portRangeMin != nil || portRangeMax != nil else { return nil }
        return "\(portRangeMin.map(String.init) ?? ""):\(portRangeMax.map(String.init) ?? "")"
    }

    /// The CLI's "IP Range": the prefix, or everything of the ethertype when no remote is set.
    public var ipRange: String? {
        if let remoteIPPrefix { return remoteIPPrefix }
        if remoteGroupID != nil || remoteAddressGroupID != nil { return nil }
        return ethertype == "IPv6" ? "::/0" : "0.0.0.0/0"
    }
}
