import Foundation
import Testing

@testable import OpenStackKit

/// Every Neutron api-ref sample decodes into our models, and the fields the tools show read right.
@Suite struct NetworkSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent("neutron/" + path)) }

    /// Which model reads each Neutron sample; returns how many objects the sample held.
    static let decoders: [(pattern: String, decode: @Sendable (URL) throws -> Int)] = [
        ("^networks/(network|networks)-", { try Samples.decodeAny(Network.self, $0).count }),
        ("^agents/", { try Samples.decodeAny(NetworkAgent.self, $0).count }),
        ("^subnets/subnet-show|^subnets/subnets-list", { try Samples.decodeAny(Subnet.self, $0).count }),
        ("^subnets/subnetpool", { try Samples.decodeAny(SubnetPool.self, $0).count }),
        ("^ports/|^trunks/trunk-details", { try Samples.decodeAny(Port.self, $0).count }),
        ("^routers/", { try Samples.decodeAny(Router.self, $0).count }),
        ("^floatingips/", { try Samples.decodeAny(FloatingIP.self, $0).count }),
        ("^security-groups/security-group-rule", { try Samples.decodeAny(SecurityGroupRule.self, $0).count }),
        ("^security-groups/security-groups?-(show|list)", { try Samples.decodeAny(SecurityGroup.self, $0).count }),
        ("^quotas/|^quota_details/", { try Samples.decodeAny(NetworkQuota.self, $0).count }),
        ("^network-ip-availability/", { try Samples.decodeAny(NetworkIPAvailability.self, $0).count }),
        ("^trunks/trunk-(show|list)-response|^trunks/trunks-list", { try Samples.decodeAny(Trunk.self, $0).count }),
        ("^trunks/trunk-list-subports", { try Trunk.SubPort.list(from: Samples.load($0)).count }),
        ("^qos/polic", { try Samples.decodeAny(QoSPolicy.self, $0).count }),
        ("^qos/minimum_", { try NetworkSharingSampleTests.rules(in: Samples.load($0)).count }),
        ("^rbac-policies/", { try Samples.decodeAny(RBACPolicy.self, $0).count }),
        ("^port-forwardings/", { try Samples.decodeAny(PortForwarding.self, $0).count }),
        ("^segments/", { try Samples.decodeAny(NetworkSegment.self, $0).count }),
        ("^address-scopes/", { try Samples.decodeAny(AddressScope.self, $0).count }),
        ("^extensions/", { try Samples.decodeAny(NetworkExtension.self, $0).count }),
    ]
    /// Documents that are not resources: version discovery, availability zones.
    static let notResources = "^networks/versions?-|^availability-zones/"

    @Test func everyNeutronSampleDecodesInItsModel() throws {
        let base = Samples.root.appendingPathComponent("neutron").path + "/"
        let files = Samples.samples("neutron", matching: ".")
        #expect(files.count >= 30)
        for file in files {
            let relative = String(file.path.dropFirst(base.count))
            if relative.range(of: Self.notResources, options: .regularExpression) != nil { continue }
            let decoders = Self.decoders.filter { relative.range(of: $0.pattern, options: .regularExpression) != nil }
            #expect(decoders.count == 1, "\(relative): \(decoders.count) models claim it")
            for decoder in decoders {
                #expect(try decoder.decode(file) > 0, "\(relative) decoded to nothing")
            }
        }
    }

    @Test func subnetsAndPools() throws {
        let subnet = try Subnet.show(from: Self.file("subnets/subnet-show-response.json"))
        #expect(subnet.cidr == "192.0.0.0/8")
        #expect(subnet.allocationPools.first?.start == "192.0.0.2")
        #expect(subnet.gatewayIP == "192.0.0.1" && subnet.ipVersion == 4 && subnet.enableDHCP == true)
        // Neutron sends prefix lengths as strings.
        let pool = try SubnetPool.show(from: Self.file("subnets/subnetpool-show-response.json"))
        #expect(pool.minPrefixLength == 64 && pool.defaultPrefixLength == 64)
        #expect(pool.prefixes == ["2001:db8:0:2::/64", "2001:db8::/63"])
    }

    @Test func portsWithBindingAndTrunkDetails() throws {
        let bound = try Port.list(from: Self.file("ports/ports-bind-list-response.json"))
        #expect(bound.first?.hostID == "devstack" && bound.first?.vifType == "ovs")
        #expect(bound.first?.fixedIPs.first == FixedIP(subnetID: "008ba151-0b8c-4a67-98b5-0d2b87666062", ipAddress: "172.24.4.2"))
        #expect(bound.first?.deviceOwner == "network:router_gateway")
        let plain = try Port.show(from: Self.file("ports/port-show-response.json"))
        #expect(plain.hostID == nil && plain.macAddress == "fa:16:3e:23:fd:d7")
        let parent = try Port.show(from: Self.file("trunks/trunk-details-show-response.json"))
        #expect(parent.trunkDetails?.trunkID == "8905d084-010c-46e8-a863-f21cb4441ab1")
        #expect(parent.trunkDetails?.subPorts.map(\.segmentationID) == [33, 44])
        #expect(parent.securityGroupIDs == ["da88a249-12ac-4221-9565-c406b6feeb48"])
    }

    @Test func routersWithGatewayAndRoutes() throws {
        let router = try Router.show(from: Self.file("routers/router-show-response.json"))
        #expect(router.gateway?.networkID == "ae34051f-aa6c-4c75-abf5-50dc9ac99ef3")
        #expect(router.gateway?.fixedIPs.count == 2 && router.gateway?.enableSNAT == true)
        #expect(router.routes.first?.nexthop == "172.24.3.99")
        #expect(router.distributed == false && router.ha == false)
    }

    @Test func floatingIPsAssociatedAndFree() throws {
        let list = try FloatingIP.list(from: Self.file("floatingips/floating-ips-list-response.json"))
        #expect(list.count == 3)
        #expect(list[0].portDetails?.deviceID == "8e3941b4-a6e9-499f-a1ac-2a4662025cba")
        #expect(list[1].portID == nil && list[1].portDetails == nil && list[1].status == "DOWN")
        #expect(list[2].portForwardings.count == 2)
    }

    @Test func securityGroupsCarryTheirRules() throws {
        let group = try SecurityGroup.show(from: Self.file("security-groups/security-group-show-response.json"))
        #expect(group.rules.count == 4 && group.name == "default" && group.stateful == true)
        let rules = try SecurityGroupRule.list(from: Self.file("security-groups/security-group-rules-list-response.json"))
        let ingress = try #require(rules.first { $0.direction == "ingress" && $0.ethertype == "IPv4" })
        #expect(ingress.remoteGroupID == "85cc3048-abc3-43cc-89b3-377341426ac5")
        #expect(ingress.ipRange == nil && ingress.portRange == nil)
        let egress = try #require(rules.first { $0.direction == "egress" && $0.ethertype == "IPv6" })
        #expect(egress.ipRange == "::/0" && egress.ipProtocol == nil)
    }

    @Test func quotasInEveryShape() throws {
        let details = try NetworkQuota.show(from: Self.file("quota_details/quota-details-show-for-project-response.json"))
        #expect(details.entry("port") == NetworkQuota.Entry(resource: "port", limit: 500, used: 21, reserved: 3))
        #expect(details.entry("subnetpool")?.limit == -1)
        let limits = try NetworkQuota.show(from: Self.file("quotas/quotas-list-for-project-response.json"))
        #expect(limits.entry("floatingip") == NetworkQuota.Entry(resource: "floatingip", limit: 50, used: nil, reserved: nil))
        let all = try NetworkQuota.list(from: Self.file("quotas/quotas-list-response.json"))
        #expect(all.first?.projectID == "bab7d5c60cd041a0a36f7c4b6e1dd978")
        #expect(all.first?.entry("project_id") == nil && all.first?.entry("network")?.limit == 15)
    }

    @Test func ipAvailabilityWithIPv6SizedCounts() throws {
        let list = try NetworkIPAvailability.list(from: Self.file("network-ip-availability/network-ip-availability-list.json"))
        #expect(list.map(\.networkName) == ["public", "private"])
        let publicNet = list[0]
        #expect(publicNet.usedIPs == 2)
        #expect((publicNet.totalIPs ?? 0) > 1e19, "IPv6 counts exceed Int")
        let subnetSize = NetworkIPAvailability.number(publicNet.raw["ip_availability_details"]?["total_ips_in_subnet"])
        #expect((subnetSize ?? 0) > 1.8e19, "2^64 and more must not wrap")
        #expect(publicNet.subnets.first { $0.ipVersion == 4 }?.totalIPs == 253)
        let one = try NetworkIPAvailability.show(from: Self.file("network-ip-availability/network-ip-availability-show.json"))
        #expect(one.networkID == "6801d9c8-20e6-4b27-945d-62499f00002e" && one.subnets.count == 2)
    }

    @Test func trunksAndSubports() throws {
        let trunk = try Trunk.show(from: Self.file("trunks/trunk-show-response.json"))
        #expect(trunk.portID == "8027c4da-772f-4e43-bfbf-023b4a4e63de")
        #expect(try trunk.subPorts == Trunk.SubPort.list(from: Self.file("trunks/trunk-list-subports-response.json")))
        #expect(trunk.subPorts.first?.segmentationID == 44)
    }
}
