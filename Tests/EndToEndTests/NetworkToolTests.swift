import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The Neutron tools through MCP over HTTP, checked against the demo cloud's data.
@Suite struct NetworkToolTests {
    static func ids(_ result: MCPTestClient.ToolResult, _ key: String = "id") -> Set<String> {
        Set(result.items.compactMap { $0[key]?.stringValue })
    }

    /// Tools whose `detailed` adds computed or looked-up fields that outweigh the upstream object, so
    /// that a larger `full` proves nothing: their `full` must be exactly the upstream object.
    static let fullIsUpstream = [
        "get_network_ip_availability": ("/network-ip-availabilities", "network_ip_availabilities"),
        "get_trunks": ("/trunks", "trunks"),
        "get_routers": ("/routers", "routers"),
    ]

    @Test(arguments: Self.fullIsUpstream.keys.sorted()) func fullIsTheUpstreamObject(_ tool: String) async throws {
        let (path, key) = try #require(Self.fullIsUpstream[tool])
        try await ServerHarness.run(maxResultBytes: 1 << 20) { harness in
            let result = try await harness.client().call(tool, ["detail_level": "full", "limit": 1000])
            let upstream = try await harness.openstack.get(.network, path: path).json[key]?.arrayValue ?? []
            #expect(!upstream.isEmpty)
            #expect(Set(result.items) == Set(upstream), "\(tool): full should be the upstream objects")
        }
    }

    @Test func portsMatchTheCloudAndNameTheirNetworks() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let all = try await client.call("get_ports", ["limit": 1000, "detail_level": "basic"])
            #expect(Self.ids(all) == Set(data.ports.map(\.id)))

            let server = try #require(data.servers.first { $0.securityGroups.contains("web") && $0.addresses.count > 1 })
            let ports = try await client.call("get_ports", ["device_id": .string(server.id)])
            let fixed = server.addresses.filter { $0.type == "fixed" }
            #expect(ports.items.count == fixed.count)
            for address in fixed {
                let item = try #require(ports.items.first { item in
                    item["fixed_ips"]?.arrayValue?.contains { $0["ip_address"]?.stringValue == address.address } == true
                })
                #expect(item["mac_address"]?.stringValue == address.macAddress)
                #expect(item["network_name"]?.stringValue == address.networkName)
                #expect(item["device_owner"]?.stringValue == "compute:nova")
                let groups = Set(item["security_groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
                #expect(groups == Set(server.securityGroups))
                #expect(item["binding:host_id"]?.stringValue == server.host)
            }

            let address = fixed[0].address
            let byIP = try await client.call("get_ports", ["ip_address": .string(address)])
            #expect(byIP.items.count == 1 && byIP.items.first?["device_id"]?.stringValue == server.id)
            let dhcp = try await client.call("get_ports", ["device_owner": "network:dhcp", "limit": 1000])
            #expect(Self.ids(dhcp) == Set(data.ports.filter { $0.deviceOwner == "network:dhcp" }.map(\.id)))
            let down = try await client.call("get_ports", ["status": "down", "limit": 1000])
            #expect(Self.ids(down) == Set(data.ports.filter { $0.status == "DOWN" }.map(\.id)))

            let one = try await client.call("get_port", ["id": .string(try #require(ports.items.first?["id"]?.stringValue))])
            #expect(one.structured["item"]?["device_id"]?.stringValue == server.id, "\(one.text)")
        }
    }

    @Test func routersShowGatewayAndInterfaces() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let result = try await client.call("get_routers", ["limit": 1000])
            #expect(Self.ids(result) == Set(data.routers.map(\.id)))
            let external = try #require(data.networks.first { $0.external })
            for router in data.routers {
                let item = try #require(result.items.first { $0["id"]?.stringValue == router.id })
                #expect(item["external_gateway"]?["network_name"]?.stringValue == external.name)
                let gatewayIPs = item["external_gateway"]?["external_fixed_ips"]?.arrayValue?.compactMap { $0["ip_address"]?.stringValue }
                #expect(gatewayIPs == router.externalFixedIPs.map(\.ipAddress))
                let expected = data.ports.filter { $0.deviceID == router.id && $0.deviceOwner == "network:router_interface" }
                let interfaces = item["interfaces"]?.arrayValue ?? []
                #expect(Set(interfaces.compactMap { $0["port_id"]?.stringValue }) == Set(expected.map(\.id)))
                for interface in interfaces {
                    let network = data.networks.first { $0.id == interface["network_id"]?.stringValue }
                    #expect(interface["network_name"]?.stringValue == network?.name)
                }
            }
            let byName = try await client.call("get_router", ["id": "router-demo"])
            #expect(byName.structured["item"]?["name"]?.stringValue == "router-demo", "\(byName.text)")
            #expect(byName.structured["item"]?["interfaces"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func floatingIPsReachTheServersNovaShows() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let result = try await client.call("get_floating_ips", ["limit": 1000])
            #expect(Self.ids(result) == Set(data.floatingIPs.map(\.id)))
            let external = try #require(data.networks.first { $0.external })
            let associated = result.items.filter { $0["port_id"]?.stringValue != nil }
            #expect(!associated.isEmpty)
            for item in associated.prefix(5) {
                #expect(item["floating_network_name"]?.stringValue == external.name)
                let serverID = try #require(item["server_id"]?.stringValue)
                let address = try #require(item["floating_ip_address"]?.stringValue)
                let instance = try await client.call("get_instance", ["id": .string(serverID)])
                let floating = instance.structured["item"]?["addresses"]?.arrayValue?.filter { $0["type"]?.stringValue == "floating" }
                #expect(floating?.contains { $0["addr"]?.stringValue == address } == true, "\(instance.text)")
            }
            let free = try await client.call("get_floating_ips", ["status": "DOWN", "limit": 1000])
            #expect(Self.ids(free) == Set(data.floatingIPs.filter { $0.portID == nil }.map(\.id)))

            let target = try #require(data.floatingIPs.first { $0.portID != nil })
            let byAddress = try await client.call("get_floating_ip", ["id": .string(target.floatingIPAddress)])
            #expect(byAddress.structured["item"]?["id"]?.stringValue == target.id, "\(byAddress.text)")
        }
    }

    @Test func securityGroupsCarryRulesWithNames() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let groups = try await client.call("get_security_groups", ["limit": 1000])
            #expect(Self.ids(groups) == Set(data.securityGroups.map(\.id)))
            for group in data.securityGroups {
                let item = try #require(groups.items.first { $0["id"]?.stringValue == group.id })
                let rules = item["rules"]?.arrayValue ?? []
                #expect(Set(rules.compactMap { $0["id"]?.stringValue })
                    == Set(data.securityGroupRules.filter { $0.securityGroupID == group.id }.map(\.id)))
                for rule in rules where rule["remote_group_id"]?.stringValue != nil {
                    #expect(rule["remote_group_name"]?.stringValue == "default")
                }
            }
            let web = try #require(data.securityGroups.first { $0.name == "web" })
            let ingress = try await client.call(
                "get_security_group_rules", ["security_group_id": .string(web.id), "direction": "ingress", "protocol": "TCP"])
            #expect(Set(ingress.items.compactMap { $0["port_range"]?.stringValue }) == ["80:80", "443:443"])
            #expect(ingress.items.allSatisfy { $0["security_group_name"]?.stringValue == "web" })

            // Every project has a "default": by name it is ambiguous for an admin, by ID it is not.
            let ambiguous = try await client.call("get_security_group", ["id": "default"])
            #expect(ambiguous.isError && ambiguous.text.contains("3 security groups are named 'default'"), "\(ambiguous.text)")
            let byID = try await client.call("get_security_group", ["id": .string(web.id)])
            #expect(byID.structured["item"]?["rules"]?.arrayValue?.count == data.securityGroupRules.filter { $0.securityGroupID == web.id }.count)
        }
    }

    @Test func subnetsNetworksPoolsAndTrunks() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let subnets = try await client.call("get_subnets", ["limit": 1000])
            #expect(Self.ids(subnets) == Set(data.subnets.map(\.id)))
            for subnet in data.subnets {
                let item = try #require(subnets.items.first { $0["id"]?.stringValue == subnet.id })
                #expect(item["network_name"]?.stringValue == data.network(id: subnet.networkID)?.name)
                #expect(item["cidr"]?.stringValue == subnet.cidr && item["gateway_ip"]?.stringValue == subnet.gatewayIP)
            }
            let shared = try #require(data.networks.first { $0.shared })
            let network = try await client.call("get_network", ["id": .string(shared.name)])
            let details = network.structured["item"]?["subnet_details"]?.arrayValue
            #expect(details?.first?["cidr"]?.stringValue == data.subnets.first { $0.networkID == shared.id }?.cidr, "\(network.text)")
            let subnet = try await client.call("get_subnet", ["id": .string(data.subnets[0].id)])
            #expect(subnet.structured["item"]?["name"]?.stringValue == data.subnets[0].name)

            let pools = try await client.call("get_subnet_pools", ["limit": 1000])
            #expect(Self.ids(pools) == Set(data.subnetPools.map(\.id)))
            let v6 = try await client.call("get_subnet_pools", ["ip_version": 6])
            #expect(Self.ids(v6) == Set(data.subnetPools.filter { $0.ipVersion == 6 }.map(\.id)))

            let trunks = try await client.call("get_trunks", ["limit": 1000])
            #expect(Self.ids(trunks) == Set(data.trunks.map(\.id)))
            for trunk in data.trunks {
                let item = try #require(trunks.items.first { $0["id"]?.stringValue == trunk.id })
                let parent = data.ports.first { $0.id == trunk.portID }
                #expect(item["parent_port"]?["device_id"]?.stringValue == parent?.deviceID)
                #expect(item["sub_ports"]?.arrayValue?.compactMap { $0["segmentation_id"]?.intValue } == trunk.subPorts.map(\.segmentationID))
            }
        }
    }

    /// An IPv4 address as a number, for counting the addresses of a pool.
    static func ipv4(_ address: String) -> Int {
        address.split(separator: ".").reduce(0) { $0 << 8 | (Int($1) ?? 0) }
    }

    @Test func ipAvailabilityAndQuotasCountThePorts() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let availability = try await client.call("get_network_ip_availability", ["limit": 1000])
            #expect(Self.ids(availability, "network_id") == Set(data.networks.map(\.id)))
            for network in data.networks {
                let item = try #require(availability.items.first { $0["network_id"]?.stringValue == network.id })
                let addresses = data.ports.flatMap(\.fixedIPs).filter { network.subnetIDs.contains($0.subnetID) }
                #expect(item["used_ips"]?.intValue == addresses.count, "\(network.name)")
                // Router interfaces hold the gateway address, which is outside the allocation pool.
                let gateways = Set(data.subnets.filter { $0.networkID == network.id }.map(\.gatewayIP))
                let inPool = addresses.filter { !gateways.contains($0.ipAddress) }.count
                let pools = data.subnets.filter { $0.networkID == network.id }.flatMap(\.allocationPools)
                let total = pools.map { Self.ipv4($0.end) - Self.ipv4($0.start) + 1 }.reduce(0, +)  // 65,533 for a /16
                #expect(item["total_ips"]?.intValue == total && item["free_ips"]?.intValue == total - inPool, "\(network.name)")
            }
            let private4 = try await client.call("get_network_ip_availability", ["network_name": "private-demo", "ip_version": 4])
            #expect(private4.items.count == 1)

            let demo = try #require(data.project(named: DemoCloud.memberProject))
            let quotas = try await client.call("get_network_quotas", ["project_id": .string(demo.id)])
            #expect(!quotas.isError, "\(quotas.text)")
            let ports = try #require(quotas.items.first { $0["resource"]?.stringValue == "port" })
            #expect(ports["used"]?.intValue == data.ports.filter { $0.projectID == demo.id }.count)
            #expect(ports["limit"]?.intValue == data.networkQuotas.first { $0.projectID == demo.id }?.limits["port"])
            let floating = try #require(quotas.items.first { $0["resource"]?.stringValue == "floatingip" })
            #expect(floating["used"]?.intValue == data.floatingIPs.filter { $0.projectID == demo.id }.count)
            let groups = try #require(quotas.items.first { $0["resource"]?.stringValue == "security_group" })
            let ownGroups = data.securityGroups.filter { $0.projectID == demo.id }.count
            #expect(groups["used"]?.intValue == ownGroups && groups["free"]?.intValue == (groups["limit"]?.intValue ?? 0) - ownGroups)
            // Without project_id: the token's project (admin).
            let own = try await client.call("get_network_quotas", ["filter": "router"])
            let admin = try #require(data.project(named: DemoCloud.adminProject))
            #expect(own.items.map { $0["project_id"]?.stringValue } == [admin.id])
        }
    }
}
