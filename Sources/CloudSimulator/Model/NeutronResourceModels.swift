import Foundation

/// One address of a port (`fixed_ips` entry) or of a router gateway (`external_fixed_ips`).
public struct DemoFixedIP: Sendable, Equatable {
    /// Subnet the address is allocated from.
    public let subnetID: String
    /// The address.
    public let ipAddress: String
}

/// A Neutron port: a server NIC, a router interface or gateway, a DHCP port, a floating IP's
/// port or a trunk subport (see `deviceOwner`).
public struct DemoPort: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name (often empty, as Nova creates ports without one).
    public let name: String
    /// Network the port is on.
    public let networkID: String
    /// Owning project; empty for router gateway and floating IP ports, as in Neutron.
    public let projectID: String
    /// MAC address (a server's `OS-EXT-IPS-MAC:mac_addr`).
    public let macAddress: String
    /// Addresses of the port.
    public let fixedIPs: [DemoFixedIP]
    /// Server, router, floating IP, trunk or DHCP agent using the port.
    public let deviceID: String
    /// `compute:<az>`, `network:router_interface`, `network:router_gateway`, `network:dhcp`,
    /// `network:floatingip` or `trunk:subport`.
    public let deviceOwner: String
    /// `ACTIVE` or `DOWN`.
    public let status: String
    /// Security group ids (server ports only).
    public let securityGroupIDs: [String]
    /// `binding:host_id` (admin only in the API).
    public let hostID: String
    /// Trunk whose parent this port is.
    public let trunkID: String?
    /// Creation time.
    public let createdAt: Date
}

/// A Neutron router with its external gateway; its interfaces are ports it owns.
public struct DemoRouter: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// e.g. `router-demo`.
    public let name: String
    /// Owning project.
    public let projectID: String
    /// `ACTIVE`.
    public let status: String
    /// External network of the gateway.
    public let externalNetworkID: String
    /// Gateway addresses on the external network.
    public let externalFixedIPs: [DemoFixedIP]
    /// Source NAT on the gateway.
    public let enableSNAT: Bool
    /// Creation time.
    public let createdAt: Date
    /// Description.
    public let description: String
}

/// A Neutron floating IP, associated with a server port or free.
public struct DemoFloatingIP: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Owning project.
    public let projectID: String
    /// The external network.
    public let floatingNetworkID: String
    /// The public address.
    public let floatingIPAddress: String
    /// The private address it maps to, when associated.
    public let fixedIPAddress: String?
    /// The associated port.
    public let portID: String?
    /// The router that does the NAT, when associated.
    public let routerID: String?
    /// `ACTIVE` when associated, `DOWN` when free.
    public let status: String
    /// Description.
    public let description: String
    /// Creation time.
    public let createdAt: Date
}

/// A Neutron security group; its rules are separate records.
public struct DemoSecurityGroup: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// `default` or `web`.
    public let name: String
    /// Description.
    public let description: String
    /// Owning project.
    public let projectID: String
    /// Creation time.
    public let createdAt: Date
}

/// A rule of a security group.
public struct DemoSecurityGroupRule: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// The group the rule belongs to.
    public let securityGroupID: String
    /// Owning project.
    public let projectID: String
    /// `ingress` or `egress`.
    public let direction: String
    /// `IPv4` or `IPv6`.
    public let ethertype: String
    /// `tcp`, `udp`, `icmp` or nil for any.
    public let ipProtocol: String?
    /// First port (or ICMP type).
    public let portRangeMin: Int?
    /// Last port (or ICMP code).
    public let portRangeMax: Int?
    /// Source/destination CIDR.
    public let remoteIPPrefix: String?
    /// Source/destination group.
    public let remoteGroupID: String?
    /// Description.
    public let description: String
    /// Whether the rule belongs to a group named `default`.
    public let belongsToDefaultGroup: Bool
    /// Creation time.
    public let createdAt: Date
}

/// A subnet pool.
public struct DemoSubnetPool: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name.
    public let name: String
    /// Owning project.
    public let projectID: String
    /// CIDRs the pool hands out.
    public let prefixes: [String]
    /// 4 or 6.
    public let ipVersion: Int
    /// Visible to every project.
    public let shared: Bool
    /// The default pool for its IP version.
    public let isDefault: Bool
    /// Prefix length of a subnet allocated without one.
    public let defaultPrefixLength: Int
    /// Smallest allowed prefix length.
    public let minPrefixLength: Int
    /// Largest allowed prefix length.
    public let maxPrefixLength: Int
    /// Description.
    public let description: String
    /// Creation time.
    public let createdAt: Date
}

/// A VLAN subport of a trunk.
public struct DemoSubPort: Sendable, Equatable {
    /// The subport's port.
    public let portID: String
    /// VLAN id.
    public let segmentationID: Int
    /// MAC address of the subport's port.
    public let macAddress: String
}

/// A trunk: a server's parent port carrying VLAN subports.
public struct DemoTrunk: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name.
    public let name: String
    /// Owning project.
    public let projectID: String
    /// The parent port (a server port).
    public let portID: String
    /// `ACTIVE` or `DOWN` (follows the server).
    public let status: String
    /// The subports.
    public let subPorts: [DemoSubPort]
    /// Creation time.
    public let createdAt: Date
}

/// The Neutron quota limits of one project (usage is counted from the data when served).
public struct DemoNetworkQuota: Sendable, Equatable {
    /// The project.
    public let projectID: String
    /// Limit per resource (`network`, `port`, ...); -1 is unlimited.
    public let limits: [String: Int]
}

/// The Neutron resources beyond networks and subnets, each array ordered by id as Neutron lists them.
public struct DemoNeutronResources: Sendable {
    /// Ports.
    public var ports: [DemoPort] = []
    /// Routers.
    public var routers: [DemoRouter] = []
    /// Floating IPs.
    public var floatingIPs: [DemoFloatingIP] = []
    /// Security groups.
    public var securityGroups: [DemoSecurityGroup] = []
    /// Security group rules.
    public var securityGroupRules: [DemoSecurityGroupRule] = []
    /// Subnet pools.
    public var subnetPools: [DemoSubnetPool] = []
    /// Trunks.
    public var trunks: [DemoTrunk] = []
    /// Quota limits per project.
    public var quotas: [DemoNetworkQuota] = []
    /// QoS policies.
    public var qosPolicies: [DemoQoSPolicy] = []
    /// RBAC policies.
    public var rbacPolicies: [DemoRBACPolicy] = []
    /// Port forwardings of floating IPs.
    public var portForwardings: [DemoPortForwarding] = []
    /// Network segments.
    public var segments: [DemoSegment] = []
    /// Address scopes.
    public var addressScopes: [DemoAddressScope] = []
}

extension DemoData {
    /// Neutron ports, by id.
    public var ports: [DemoPort] { neutron.ports }
    /// Neutron routers, by id.
    public var routers: [DemoRouter] { neutron.routers }
    /// Neutron floating IPs, by id.
    public var floatingIPs: [DemoFloatingIP] { neutron.floatingIPs }
    /// Neutron security groups, by id.
    public var securityGroups: [DemoSecurityGroup] { neutron.securityGroups }
    /// Neutron security group rules, by id.
    public var securityGroupRules: [DemoSecurityGroupRule] { neutron.securityGroupRules }
    /// Neutron subnet pools, by id.
    public var subnetPools: [DemoSubnetPool] { neutron.subnetPools }
    /// Neutron trunks, by id.
    public var trunks: [DemoTrunk] { neutron.trunks }
    /// Neutron quota limits per project.
    public var networkQuotas: [DemoNetworkQuota] { neutron.quotas }
}
