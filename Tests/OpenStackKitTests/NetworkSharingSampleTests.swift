import Foundation
import Testing

@testable import OpenStackKit

/// The api-ref samples of QoS policies, RBAC policies, port forwardings, segments, address
/// scopes and extensions read into the fields the tools show.
@Suite struct NetworkSharingSampleTests {
    static func file(_ path: String) throws -> JSONValue { try NetworkSampleDecodingTests.file(path) }

    /// The rules of a `<type>_rules` list sample (the rule list APIs wrap them by type).
    static func rules(in document: JSONValue) throws -> [QoSPolicy.Rule] {
        guard case .object(let members) = document, let list = members.first(where: { $0.key.hasSuffix("_rules") })?.value.arrayValue else {
            throw ModelError.missing(field: "<type>_rules", in: "QoSPolicy.Rule")
        }
        return list.map(QoSPolicy.Rule.init(json:))
    }

    @Test func qosPoliciesCarryTheirRules() throws {
        let listed = try QoSPolicy.list(from: Self.file("qos/policies-list-response.json"))
        let policy = try #require(listed.first)
        #expect(policy.name == "10Mbit" && policy.shared == false && policy.isDefault == false)
        #expect(policy.projectID == "8d4c70a21fed4aeba121a1a429ba0d04")
        #expect(policy.rules.map(\.type) == ["bandwidth_limit", "dscp_marking"])
        #expect(policy.rules[0].maxKbps == 10_000 && policy.rules[0].maxBurstKbps == 0 && policy.rules[1].dscpMark == 20)
        let shown = try QoSPolicy.show(from: Self.file("qos/policy-show-response.json"))
        #expect(shown.id == policy.id && shown.rules[1].dscpMark == 26)
        let minimum = try Self.rules(in: NetworkSampleDecodingTests.Samples.load(
            NetworkSampleDecodingTests.Samples.root.appendingPathComponent("neutron/qos/minimum_bandwidth_rules-list-response.json")))
        #expect(minimum.first?.minKbps == 10_000 && minimum.first?.direction == "egress")
        let packets = try Self.rules(in: Self.file("qos/minimum_packet_rate_rules-list-response.json"))
        #expect(packets.first?.minKpps == 1_000)
    }

    @Test func rbacPoliciesNameTheirObjectAndTarget() throws {
        let policy = try RBACPolicy.show(from: Self.file("rbac-policies/rbac-policy-show-response.json"))
        #expect(policy.objectType == "network" && policy.objectID == "1f32f072-4d17-4811-b619-3623d018bd40")
        #expect(policy.action == "access_as_external" && policy.targetTenant == "*")
        #expect(policy.projectID == "3de27ce0a2a54cc6ae06dc62dd0ec832")
        #expect(try RBACPolicy.list(from: Self.file("rbac-policies/rbac-policies-list-response.json")).count == 1)
    }

    @Test func portForwardingsWithPortsOrRanges() throws {
        let listed = try PortForwarding.list(from: Self.file("port-forwardings/port-forwarding-list-response.json"))
        #expect(listed.count == 3)
        #expect(listed[0].protocol == "tcp" && listed[0].externalPort == 2229 && listed[0].internalPort == 25)
        #expect(listed[0].internalIPAddress == "10.0.0.24")
        #expect(listed[2].externalPortRange == "8080:8090" && listed[2].internalPortRange == "80:90" && listed[2].externalPort == nil)
        let one = try PortForwarding.show(from: Self.file("port-forwardings/port-forwarding-show-response.json"))
        #expect(one.internalPortID == "1238be08-a2a8-4b8d-addf-fb5e2250e480" && one.externalPort == 2230)
        #expect(PortForwarding.path(floatingIP: "a/b") == "/floatingips/a%2Fb/port_forwardings")
    }

    @Test func segmentsAndAddressScopes() throws {
        let segments = try NetworkSegment.list(from: Self.file("segments/segments-list-response.json"))
        #expect(segments.map(\.physicalNetwork) == ["segment-1", "segment-2"])
        #expect(segments[0].networkType == "vlan" && segments[0].segmentationID == 2000 && segments[0].name == nil)
        let scopes = try AddressScope.list(from: Self.file("address-scopes/address-scopes-list-response.json"))
        #expect(scopes.map(\.ipVersion) == [6, 4] && scopes.allSatisfy { $0.shared == true })
        #expect(try AddressScope.show(from: Self.file("address-scopes/address-scope-show-response.json")).name != nil)
    }

    @Test func extensionsByAlias() throws {
        let extensions = try NetworkExtension.list(from: Self.file("extensions/extensions-list-response.json"))
        #expect(extensions.contains { $0.alias == "security-group" && $0.description == "The security groups extension." })
        #expect(Set(extensions.map(\.alias)).count == extensions.count)
    }
}
