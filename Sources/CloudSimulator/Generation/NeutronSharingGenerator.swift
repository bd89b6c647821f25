import Foundation

/// The demo cloud's QoS policies, RBAC policies, port forwardings, segments and address scopes:
/// - `bw-limit-10M` (demo): a 10 Mbit/s egress limit and a DSCP mark, on one server port of demo;
/// - `guaranteed-1G` (admin, shared): a minimum bandwidth and packet rate, on no port;
/// - `private-demo` shared with the alt project by an RBAC policy; the shared and external
///   networks, the shared QoS policy, subnet pool and address scope have their `*` policies;
/// - two port forwardings (SSH and HTTP) on a free floating IP of demo;
/// - one segment per network (admin only), and two address scopes holding the subnet pools.
///
/// Drawn from a generator of its own and added after everything else, so every other seeded
/// value stays as it was.
extension DemoDataGenerator {
    mutating func makeNeutronSharing(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x7162_6163_7366_7770)
        let admin = projectID(named: DemoCloud.adminProject)
        let demo = projectID(named: DemoCloud.memberProject)
        let alt = projectID(named: DemoCloud.altProject)
        let created = reference.addingTimeInterval(-200 * 86_400)
        var neutron = parts.neutron
        let demoServerPorts = neutron.ports.filter { $0.projectID == demo && $0.deviceOwner.hasPrefix("compute:") && !$0.fixedIPs.isEmpty }
            .sorted { $0.id < $1.id }

        let limited = DemoQoSPolicy(
            id: random.uuid(), name: "bw-limit-10M", projectID: demo, shared: false, isDefault: false,
            description: "10 Mbit/s egress for the batch workers",
            rules: [
                DemoQoSRule(id: random.uuid(), type: "bandwidth_limit", direction: "egress", maxKbps: 10_000, maxBurstKbps: 8_000, dscpMark: nil, minKbps: nil, minKpps: nil),
                DemoQoSRule(id: random.uuid(), type: "dscp_marking", direction: nil, maxKbps: nil, maxBurstKbps: nil, dscpMark: 26, minKbps: nil, minKpps: nil),
            ],
            portIDs: demoServerPorts.prefix(1).map(\.id), networkIDs: [], createdAt: created)
        let guaranteed = DemoQoSPolicy(
            id: random.uuid(), name: "guaranteed-1G", projectID: admin, shared: true, isDefault: false,
            description: "Guaranteed bandwidth for storage traffic",
            rules: [
                DemoQoSRule(id: random.uuid(), type: "minimum_bandwidth", direction: "egress", maxKbps: nil, maxBurstKbps: nil, dscpMark: nil, minKbps: 1_000_000, minKpps: nil),
                DemoQoSRule(id: random.uuid(), type: "minimum_packet_rate", direction: "any", maxKbps: nil, maxBurstKbps: nil, dscpMark: nil, minKbps: nil, minKpps: 1_000),
            ],
            portIDs: [], networkIDs: [], createdAt: created)
        neutron.qosPolicies = [limited, guaranteed].sorted { $0.id < $1.id }

        let pools = neutron.subnetPools
        func scopePools(_ project: String, version: Int) -> [String] {
            pools.filter { $0.projectID == project && $0.ipVersion == version }.map(\.id).sorted()
        }
        neutron.addressScopes = [
            DemoAddressScope(id: random.uuid(), name: "global-v4", projectID: admin, ipVersion: 4, shared: true, subnetPoolIDs: scopePools(admin, version: 4)),
            DemoAddressScope(id: random.uuid(), name: "demo-scope", projectID: demo, ipVersion: 4, shared: false, subnetPoolIDs: scopePools(demo, version: 4)),
        ].sorted { $0.id < $1.id }

        var rbac: [DemoRBACPolicy] = []
        func share(_ type: String, _ id: String, _ owner: String, to target: String = "*", action: String = "access_as_shared") {
            rbac.append(DemoRBACPolicy(id: random.uuid(), objectType: type, objectID: id, action: action, targetTenant: target, projectID: owner))
        }
        for network in parts.networks where network.shared { share("network", network.id, network.projectID) }
        for network in parts.networks where network.external { share("network", network.id, network.projectID, action: "access_as_external") }
        if let privateDemo = parts.networks.first(where: { $0.name == "private-\(DemoCloud.memberProject)" }) {
            share("network", privateDemo.id, demo, to: alt)
        }
        share("qos_policy", guaranteed.id, admin)
        for pool in pools where pool.shared { share("subnetpool", pool.id, pool.projectID) }
        for scope in neutron.addressScopes where scope.shared { share("address_scope", scope.id, scope.projectID) }
        neutron.rbacPolicies = rbac.sorted { $0.id < $1.id }

        let freeIP = neutron.floatingIPs.filter { $0.projectID == demo && $0.portID == nil }.sorted { $0.id < $1.id }.first
        if let freeIP, let target = demoServerPorts.last {
            let address = target.fixedIPs[0].ipAddress
            neutron.portForwardings = [(2222, 22, "SSH to the build server"), (8080, 80, "")].map { outside, inside, text in
                DemoPortForwarding(
                    id: random.uuid(), floatingIPID: freeIP.id, protocol: "tcp", externalPort: outside, internalPort: inside,
                    internalPortID: target.id, internalIPAddress: address, description: text)
            }.sorted { $0.id < $1.id }
        }

        neutron.segments = parts.networks.map { network in
            DemoSegment(
                id: random.uuid(), networkID: network.id, networkType: network.networkType,
                physicalNetwork: network.physicalNetwork, segmentationID: network.segmentationID)
        }.sorted { $0.id < $1.id }
        parts.neutron = neutron
    }
}
