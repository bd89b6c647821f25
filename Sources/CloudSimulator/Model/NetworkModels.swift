import Foundation

/// A Neutron network.
public struct DemoNetwork: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// `public`, `shared-net`, `private-<project>`.
    public let name: String
    /// Owning project.
    public let projectID: String
    /// Visible to every project.
    public let shared: Bool
    /// `router:external`.
    public let external: Bool
    /// `ACTIVE`.
    public let status: String
    /// Administrative state.
    public let adminStateUp: Bool
    /// MTU in bytes.
    public let mtu: Int
    /// `provider:network_type` (`flat`, `vxlan`).
    public let networkType: String
    /// `provider:physical_network`.
    public let physicalNetwork: String?
    /// `provider:segmentation_id`.
    public let segmentationID: Int?
    /// Ids of the network's subnets.
    public let subnetIDs: [String]
    /// Availability zones.
    public let availabilityZones: [String]
    /// Tags.
    public let tags: [String]
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
    /// Revision number.
    public let revisionNumber: Int
    /// Port security default.
    public let portSecurityEnabled: Bool
    /// Default external network (`is_default`).
    public let isDefault: Bool
    /// Description.
    public let description: String
}

/// An allocation pool of a subnet.
public struct DemoAllocationPool: Sendable, Equatable {
    /// First address.
    public let start: String
    /// Last address.
    public let end: String
}

/// A Neutron subnet.
public struct DemoSubnet: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name, e.g. `public-subnet`.
    public let name: String
    /// Parent network.
    public let networkID: String
    /// Owning project.
    public let projectID: String
    /// CIDR.
    public let cidr: String
    /// Gateway address.
    public let gatewayIP: String
    /// 4 or 6.
    public let ipVersion: Int
    /// DHCP enabled.
    public let enableDHCP: Bool
    /// Allocation pools.
    public let allocationPools: [DemoAllocationPool]
    /// DNS servers.
    public let dnsNameservers: [String]
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
    /// Revision number.
    public let revisionNumber: Int
    /// Description.
    public let description: String
}

/// A Neutron agent.
public struct DemoNetworkAgent: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// `Open vSwitch agent`, `DHCP agent`, `L3 agent`, `Metadata agent`.
    public let agentType: String
    /// e.g. `neutron-openvswitch-agent`.
    public let binary: String
    /// Host the agent runs on.
    public let host: String
    /// RPC topic.
    public let topic: String
    /// Whether the agent reports in.
    public let alive: Bool
    /// Administrative state.
    public let adminStateUp: Bool
    /// Availability zone (DHCP and L3 agents only).
    public let availabilityZone: String?
    /// Creation time.
    public let createdAt: Date
    /// Start time.
    public let startedAt: Date
    /// Last heartbeat.
    public let heartbeatAt: Date
}
