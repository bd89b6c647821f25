import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// QoS policies, RBAC policies, port forwardings, segments, address scopes and extensions through
/// MCP over HTTP, checked against the demo cloud's data, as the admin and as a member.
@Suite struct NetworkSharingToolTests {
    static func ids(_ result: MCPTestClient.ToolResult, _ key: String = "id") -> Set<String> {
        Set(result.items.compactMap { $0[key]?.stringValue })
    }

    @Test func qosPoliciesShowTheirRulesAndUsers() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let all = try await client.call("get_qos_policies", ["detail_level": "detailed"])
            #expect(Self.ids(all) == Set(data.qosPolicies.map(\.id)))
            let limited = try #require(data.qosPolicies.first { $0.name == "bw-limit-10M" })
            #expect(limited.portIDs.count == 1)
            let item = try #require(all.items.first { $0["id"]?.stringValue == limited.id })
            let rules = item["rules"]?.arrayValue ?? []
            #expect(rules.map { $0["type"]?.stringValue } == limited.rules.map(\.type))
            #expect(rules.first?["max_kbps"]?.intValue == 10_000 && rules.first?["direction"]?.stringValue == "egress")
            #expect(rules.last?["dscp_mark"]?.intValue == 26)
            #expect(item["ports"]?.arrayValue?.compactMap(\.stringValue) == limited.portIDs)
            #expect(item["networks"]?.arrayValue == [])
            // The port shows the policy too, as Neutron's qos extension adds it.
            let port = try await harness.openstack.get(.network, path: "/ports/\(limited.portIDs[0])").json
            #expect(port["port"]?["qos_policy_id"]?.stringValue == limited.id)

            let shared = try await client.call("get_qos_policies", ["shared": true])
            #expect(Self.ids(shared) == Set(data.qosPolicies.filter(\.shared).map(\.id)))
            let minimum = try #require(shared.items.first?["rules"]?.arrayValue)
            #expect(minimum.contains { $0["type"]?.stringValue == "minimum_packet_rate" && $0["min_kpps"]?.intValue == 1_000 })
            let none = try await client.call("get_qos_policies", ["filter": "no-such-policy"])
            #expect(!none.isError && none.items.isEmpty && none.text.contains("0 QoS policies"), "\(none.text)")
        }
    }

    @Test func rbacPoliciesSayWhoMayUseWhat() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let all = try await client.call("get_rbac_policies", ["limit": 1000])
            #expect(Self.ids(all) == Set(data.rbacPolicies.map(\.id)))
            let alt = try #require(data.project(named: DemoCloud.altProject)).id
            let privateDemo = try #require(data.networks.first { $0.name == "private-\(DemoCloud.memberProject)" })
            let toAlt = try await client.call("get_rbac_policies", ["object_type": "network", "target_tenant": .string(alt)])
            #expect(toAlt.items.count == 1)
            let share = try #require(toAlt.items.first)
            #expect(share["object_id"]?.stringValue == privateDemo.id && share["object_name"]?.stringValue == "private-demo")
            #expect(share["action"]?.stringValue == "access_as_shared")
            let external = try await client.call("get_rbac_policies", ["action": "access_as_external"])
            #expect(Set(external.items.compactMap { $0["object_id"]?.stringValue }) == Set(data.networks.filter(\.external).map(\.id)))
            #expect(external.items.allSatisfy { $0["target_tenant"]?.stringValue == "*" && $0["object_name"] != nil })
            let qos = try await client.call("get_rbac_policies", ["object_type": "qos_policy"])
            #expect(qos.items.map { $0["object_name"]?.stringValue } == ["guaranteed-1G"])
            let groups = try await client.call("get_rbac_policies", ["object_type": "security_group"])
            #expect(!groups.isError && groups.items.isEmpty && groups.text.contains("0 RBAC policies match object_type=security_group"), "\(groups.text)")
            let bad = try await client.call("get_rbac_policies", ["object_type": "router"])
            #expect(bad.isError)
        }
    }

    @Test func portForwardingsOfAFloatingIPByIDOrAddress() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let forwardings = data.portForwardings
            #expect(forwardings.count == 2)
            let fip = try #require(data.floatingIPs.first { $0.id == forwardings[0].floatingIPID })
            let byAddress = try await client.call("get_port_forwardings", ["floating_ip": .string(fip.floatingIPAddress), "detail_level": "detailed"])
            #expect(Self.ids(byAddress) == Set(forwardings.map(\.id)), "\(byAddress.text)")
            let ssh = try #require(byAddress.items.first { $0["external_port"]?.intValue == 2222 })
            #expect(ssh["internal_port"]?.intValue == 22 && ssh["protocol"]?.stringValue == "tcp")
            #expect(ssh["internal_ip_address"]?.stringValue == forwardings[0].internalIPAddress)
            #expect(ssh["internal_port_id"]?.stringValue == forwardings[0].internalPortID)
            let reached = try #require(data.ports.first { $0.id == forwardings[0].internalPortID })
            #expect(ssh["device_id"]?.stringValue == reached.deviceID && reached.deviceOwner.hasPrefix("compute:"))
            let byID = try await client.call("get_port_forwardings", ["floating_ip": .string(fip.id), "external_port": 8080])
            #expect(byID.items.count == 1 && byID.items.first?["internal_port"]?.intValue == 80)
            let udp = try await client.call("get_port_forwardings", ["floating_ip": .string(fip.id), "protocol": "udp"])
            #expect(!udp.isError && udp.items.isEmpty && udp.text.contains("0 port forwardings match"), "\(udp.text)")
            let other = try #require(data.floatingIPs.first { $0.id != fip.id })
            let empty = try await client.call("get_port_forwardings", ["floating_ip": .string(other.id)])
            #expect(!empty.isError && empty.items.isEmpty && empty.text.contains("0 port forwardings"), "\(empty.text)")
            let missing = try await client.call("get_port_forwardings", ["floating_ip": "203.0.113.250"])
            #expect(missing.isError && missing.text.contains("no floating IP has the ID or name '203.0.113.250'"), "\(missing.text)")
            let none = try await client.call("get_port_forwardings")
            #expect(none.isError && none.text.contains("floating_ip"), "\(none.text)")
        }
    }

    @Test func segmentsAddressScopesAndExtensions() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let segments = try await client.call("get_segments", ["limit": 1000, "detail_level": "detailed"])
            #expect(Self.ids(segments) == Set(data.segments.map(\.id)))
            let publicNet = try #require(data.networks.first { $0.external })
            let ofPublic = try await client.call("get_segments", ["network_id": .string(publicNet.id), "detail_level": "detailed"])
            #expect(ofPublic.items.count == 1)
            #expect(ofPublic.items.first?["network_name"]?.stringValue == publicNet.name)
            #expect(ofPublic.items.first?["network_type"]?.stringValue == publicNet.networkType)
            #expect(ofPublic.items.first?["physical_network"]?.stringValue == publicNet.physicalNetwork)
            let vlan = try await client.call("get_segments", ["network_type": "geneve"])
            #expect(!vlan.isError && vlan.items.isEmpty && vlan.text.contains("0 segments match network_type=geneve"), "\(vlan.text)")

            let scopes = try await client.call("get_address_scopes", ["detail_level": "detailed"])
            #expect(Self.ids(scopes) == Set(data.addressScopes.map(\.id)))
            for scope in data.addressScopes {
                let item = try #require(scopes.items.first { $0["id"]?.stringValue == scope.id })
                let pools = item["subnet_pools"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                #expect(Set(pools) == Set(scope.subnetPoolIDs) && !pools.isEmpty, "\(scope.name)")
            }
            let v6 = try await client.call("get_address_scopes", ["ip_version": 6])
            #expect(v6.items.isEmpty && v6.text.contains("0 address scopes match ip_version=6"), "\(v6.text)")

            let extensions = try await client.call("get_network_extensions", ["limit": 1000])
            let aliases = Self.ids(extensions, "alias")
            for alias in ["qos", "rbac-policies", "floating-ip-port-forwarding", "segment", "address-scope", "trunk", "router", "agent", "security-group"] {
                #expect(aliases.contains(alias), "\(alias)")
            }
            // Neutron answers the extensions in one page; the cursor pages through them all the same.
            var paged: [String] = []
            var cursor: String?
            repeat {
                var arguments: [String: JSONValue] = ["limit": 10, "detail_level": "basic"]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_network_extensions", .object(arguments))
                #expect(!page.isError && page.items.count <= 10, "\(page.text)")
                paged += page.items.compactMap { $0["alias"]?.stringValue }
                cursor = page.structured["next_cursor"]?.stringValue
            } while cursor != nil && paged.count <= aliases.count
            #expect(paged.count == aliases.count && Set(paged) == aliases)
            let qos = try await client.call("get_network_extensions", ["filter": "qos-pps", "detail_level": "detailed"])
            #expect(qos.items.count == 1 && qos.items.first?["description"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func aMemberSeesItsOwnAndTheShared() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject)).id
            let qos = try await client.call("get_qos_policies")
            #expect(Self.ids(qos) == Set(data.qosPolicies.filter { $0.shared || $0.projectID == demo }.map(\.id)))
            let rbac = try await client.call("get_rbac_policies", ["limit": 1000])
            #expect(Self.ids(rbac) == Set(data.rbacPolicies.filter { $0.projectID == demo }.map(\.id)) && !rbac.items.isEmpty)
            let scopes = try await client.call("get_address_scopes")
            #expect(Self.ids(scopes) == Set(data.addressScopes.filter { $0.shared || $0.projectID == demo }.map(\.id)))
            // Segments are admin-only: Neutron lists none to a member.
            let segments = try await client.call("get_segments")
            #expect(!segments.isError && segments.items.isEmpty && segments.text.contains("0 segments"), "\(segments.text)")
            let fip = try #require(data.portForwardings.first).floatingIPID
            let forwardings = try await client.call("get_port_forwardings", ["floating_ip": .string(fip)])
            #expect(Self.ids(forwardings) == Set(data.portForwardings.map(\.id)))
            let foreign = try #require(data.floatingIPs.first { $0.projectID != demo })
            let hidden = try await client.call("get_port_forwardings", ["floating_ip": .string(foreign.id)])
            #expect(hidden.isError && hidden.text.contains("no floating IP"), "\(hidden.text)")
        }
    }

    @Test func aMissingExtensionIsNamed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let fip = try #require(harness.cloud.data.portForwardings.first).floatingIPID
            let cases: [(String, String, JSONValue)] = [
                ("get_qos_policies", "/qos/policies", [:]), ("get_rbac_policies", "/rbac-policies", [:]),
                ("get_segments", "/segments", [:]), ("get_address_scopes", "/address-scopes", [:]),
            ]
            for (tool, path, arguments) in cases {
                harness.cloud.setFault(.status(404), forPathPrefix: "/network/v2.0" + path)
                let result = try await client.call(tool, arguments)
                #expect(result.isError && result.text.contains("the Neutron extension that serves \(path) is not enabled"), "\(tool): \(result.text)")
                harness.cloud.clearFaults()
            }
            harness.cloud.setFault(.status(404), forPathPrefix: "/network/v2.0/floatingips/\(fip)/port_forwardings")
            let forwardings = try await client.call("get_port_forwardings", ["floating_ip": .string(fip)])
            #expect(forwardings.isError && forwardings.text.contains("floating-ip-port-forwarding is not enabled"), "\(forwardings.text)")
            #expect(forwardings.text.contains("get_network_extensions"), "\(forwardings.text)")
        }
    }
}
