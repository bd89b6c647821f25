import Foundation

/// One rule of a QoS policy; the fields its type does not use are nil.
public struct DemoQoSRule: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// `bandwidth_limit`, `dscp_marking`, `minimum_bandwidth` or `minimum_packet_rate`.
    public let type: String
    /// `egress` or `ingress` (`any` for packet rates); nil for DSCP marks.
    public let direction: String?
    /// Bandwidth limit and burst, in kbps.
    public let maxKbps: Int?
    public let maxBurstKbps: Int?
    /// DSCP mark.
    public let dscpMark: Int?
    /// Guaranteed bandwidth (kbps) or packet rate (kpps).
    public let minKbps: Int?
    public let minKpps: Int?
}

/// A Neutron QoS policy, with the ports and networks it is set on.
public struct DemoQoSPolicy: Sendable, Equatable {
    /// UUID.
    public let id: String
    public let name: String
    public let projectID: String
    /// Shared with every project (an RBAC policy with target `*`).
    public let shared: Bool
    public let isDefault: Bool
    public let description: String
    public let rules: [DemoQoSRule]
    /// Ports whose `qos_policy_id` is this policy.
    public let portIDs: [String]
    /// Networks whose `qos_policy_id` is this policy.
    public let networkIDs: [String]
    public let createdAt: Date
}

/// A Neutron RBAC policy: an object shared with one project, or with every project (`*`).
public struct DemoRBACPolicy: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// `network`, `qos_policy`, `subnetpool`, `address_scope`...
    public let objectType: String
    public let objectID: String
    /// `access_as_shared` or `access_as_external`.
    public let action: String
    /// A project ID, or `*`.
    public let targetTenant: String
    /// The owner of the object and of the policy.
    public let projectID: String
}

/// A port forwarding of a floating IP that no port is associated with.
public struct DemoPortForwarding: Sendable, Equatable {
    /// UUID.
    public let id: String
    public let floatingIPID: String
    /// `tcp` or `udp`.
    public let `protocol`: String
    public let externalPort: Int
    public let internalPort: Int
    public let internalPortID: String
    public let internalIPAddress: String
    public let description: String
}

/// A segment of a network: what Neutron's segments plugin records for every network.
public struct DemoSegment: Sendable, Equatable {
    /// UUID.
    public let id: String
    public let networkID: String
    public let networkType: String
    public let physicalNetwork: String?
    public let segmentationID: Int?
}

/// A Neutron address scope and the subnet pools in it.
public struct DemoAddressScope: Sendable, Equatable {
    /// UUID.
    public let id: String
    public let name: String
    public let projectID: String
    public let ipVersion: Int
    public let shared: Bool
    /// Pools whose `address_scope_id` is this scope.
    public let subnetPoolIDs: [String]
}

extension DemoData {
    /// Neutron QoS policies, by id.
    public var qosPolicies: [DemoQoSPolicy] { neutron.qosPolicies }
    /// Neutron RBAC policies, by id.
    public var rbacPolicies: [DemoRBACPolicy] { neutron.rbacPolicies }
    /// Port forwardings of floating IPs, by id.
    public var portForwardings: [DemoPortForwarding] { neutron.portForwardings }
    /// Network segments, by id.
    public var segments: [DemoSegment] { neutron.segments }
    /// Address scopes, by id.
    public var addressScopes: [DemoAddressScope] { neutron.addressScopes }
}
