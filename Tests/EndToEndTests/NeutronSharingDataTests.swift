import CloudSimulator
import Foundation
import Testing

/// The demo cloud's QoS, RBAC, port forwarding, segment and address scope data holds together
/// with its other Neutron data, as a real Neutron would let it.
@Suite struct NeutronSharingDataTests {
    static let data = DemoData(configuration: DemoCloudConfiguration(servers: 300))

    @Test func policiesPointAtWhatExists() throws {
        let data = Self.data
        let ports = Dictionary(uniqueKeysWithValues: data.ports.map { ($0.id, $0) })
        for policy in data.qosPolicies {
            for id in policy.portIDs {
                let port = try #require(ports[id])
                // Neutron lets a project set only its own or a shared policy on its port.
                #expect(policy.shared || port.projectID == policy.projectID)
            }
        }
        #expect(data.qosPolicies.contains { $0.rules.contains { $0.type == "bandwidth_limit" } && !$0.portIDs.isEmpty })
        let objects = Set(data.networks.map(\.id) + data.qosPolicies.map(\.id) + data.subnetPools.map(\.id) + data.addressScopes.map(\.id))
        for policy in data.rbacPolicies {
            #expect(objects.contains(policy.objectID), "\(policy.objectType) \(policy.objectID)")
            #expect(policy.targetTenant == "*" || data.projects.contains { $0.id == policy.targetTenant })
        }
        let alt = try #require(data.project(named: DemoCloud.altProject))
        #expect(data.rbacPolicies.contains { $0.objectType == "network" && $0.targetTenant == alt.id })
        // Every shared network has its `*` policy, as Neutron creates it.
        for network in data.networks where network.shared {
            #expect(data.rbacPolicies.contains { $0.objectID == network.id && $0.targetTenant == "*" && $0.action == "access_as_shared" })
        }
    }

    @Test func forwardingsSegmentsAndScopes() throws {
        let data = Self.data
        #expect(!data.portForwardings.isEmpty)
        for forwarding in data.portForwardings {
            let floatingIP = try #require(data.floatingIPs.first { $0.id == forwarding.floatingIPID })
            // Neutron refuses port forwardings on a floating IP that is associated with a port.
            #expect(floatingIP.portID == nil)
            let port = try #require(data.ports.first { $0.id == forwarding.internalPortID })
            #expect(port.fixedIPs.contains { $0.ipAddress == forwarding.internalIPAddress })
            #expect(port.projectID == floatingIP.projectID)
        }
        #expect(Set(data.segments.map(\.networkID)) == Set(data.networks.map(\.id)) && data.segments.count == data.networks.count)
        for segment in data.segments {
            let network = try #require(data.networks.first { $0.id == segment.networkID })
            #expect(segment.networkType == network.networkType && segment.segmentationID == network.segmentationID)
        }
        for scope in data.addressScopes {
            #expect(!scope.subnetPoolIDs.isEmpty)
            for id in scope.subnetPoolIDs {
                let pool = try #require(data.subnetPools.first { $0.id == id })
                #expect(pool.ipVersion == scope.ipVersion && (scope.shared || pool.projectID == scope.projectID))
            }
        }
    }
}
