import OpenStackKit
import Testing

@testable import OpenStackTools

/// The rules of `diagnose_connectivity` over hand-built facts: security-group evaluation, routes,
/// floating IPs, subnets, ports and agents.
@Suite struct ConnectivityRuleTests {
    static let subnet: JSONValue = ["id": "sn", "name": "app-subnet", "network_id": "net", "cidr": "10.0.0.0/24", "gateway_ip": "10.0.0.1", "enable_dhcp": true]
    static let port: JSONValue = [
        "id": "p1", "network_id": "net", "status": "ACTIVE", "security_groups": ["g1"],
        "fixed_ips": [["subnet_id": "sn", "ip_address": "10.0.0.10"]],
    ]
    static let router: JSONValue = ["id": "r1", "name": "edge", "status": "ACTIVE", "admin_state_up": true, "external_gateway_info": ["network_id": "public", "enable_snat": true]]
    static let interface: JSONValue = ["id": "ri", "device_id": "r1", "fixed_ips": [["subnet_id": "sn", "ip_address": "10.0.0.1"]]]

    static func rule(_ direction: String, _ proto: String?, _ port: Int?, _ prefix: String?, group: String? = nil) -> JSONValue {
        .object(.compact([
            ("id", .string("rule-\(direction)-\(port ?? 0)")), ("direction", .string(direction)), ("ethertype", "IPv4"),
            ("protocol", proto.map(JSONValue.string)), ("port_range_min", port.map(JSONValue.int)), ("port_range_max", port.map(JSONValue.int)),
            ("remote_ip_prefix", prefix.map(JSONValue.string)), ("remote_group_id", group.map(JSONValue.string)),
        ]))
    }

    static func facts(
        _ flow: Flow, rules: [JSONValue], interfaces: [JSONValue] = [interface], floating: [JSONValue] = [],
        port: JSONValue = port, subnet: JSONValue = subnet, l3: [String: [JSONValue]] = [:]
    ) -> ConnectivityFacts {
        ConnectivityFacts(
            server: ["id": "s1", "name": "web"], flow: flow, ports: .known([port]), networks: .known(["net": ["id": "net", "name": "app", "router:external": false]]),
            subnets: .known(["sn": subnet]), groups: .known(["g1": ["id": "g1", "name": "web", "security_group_rules": .array(rules)]]),
            floatingIPs: .known(floating), routerInterfaces: .known(interfaces), routers: .known(["r1": router]),
            l3Agents: .known(l3), dhcpAgents: .known([:]))
    }

    static func codes(_ outcome: RuleOutcome) -> [String] {
        if case .found(let findings) = outcome { return findings.map(\.code) }
        return []
    }

    static let ssh = Flow(peer: .internet, proto: "tcp", port: 22, direction: "ingress")

    @Test func securityGroupsAdmitOrBlockTheFlow() {
        let web = [Self.rule("ingress", "tcp", 80, "0.0.0.0/0"), Self.rule("egress", nil, nil, nil)]
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(Self.ssh, rules: web))) == ["security_group_blocks"])
        let withSSH = web + [Self.rule("ingress", "tcp", 22, "0.0.0.0/0")]
        guard case .passed(let summary) = SecurityGroupFlowRule().evaluate(Self.facts(Self.ssh, rules: withSSH)) else {
            Issue.record("SSH from anywhere is admitted")
            return
        }
        #expect(summary.contains("rule-ingress-22"))
        // A narrower prefix admits that range only, not the internet.
        let office = [Self.rule("ingress", "tcp", 22, "203.0.113.0/24")]
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(Self.ssh, rules: office))) == ["security_group_blocks"])
        let fromOffice = Flow(peer: .address("203.0.113.9"), proto: "tcp", port: 22, direction: "ingress")
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(fromOffice, rules: office))).isEmpty)
        // A remote group admits the servers whose ports are in it.
        let openEgress: JSONValue = ["id": "g9", "name": "db", "security_group_rules": [Self.rule("egress", nil, nil, nil)]]
        let peer = Flow(peer: .server(id: "s9", name: "db", addresses: ["10.0.0.20"], groupIDs: ["g1"], groups: [openEgress]), proto: "tcp", port: 5432, direction: "ingress")
        let sameGroup = [Self.rule("ingress", nil, nil, nil, group: "g1")]
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(peer, rules: sameGroup))).isEmpty)
        // The peer's own rules see the flow the other way round: without an egress rule it is blocked there.
        let closedEgress: JSONValue = ["id": "g9", "name": "db", "security_group_rules": [Self.rule("ingress", "tcp", 22, "0.0.0.0/0")]]
        let blockedAtPeer = Flow(peer: .server(id: "s9", name: "db", addresses: ["10.0.0.20"], groupIDs: ["g1"], groups: [closedEgress]), proto: "tcp", port: 5432, direction: "ingress")
        let outcome = SecurityGroupFlowRule().evaluate(Self.facts(blockedAtPeer, rules: sameGroup))
        #expect(Self.codes(outcome) == ["security_group_blocks"])
        if case .found(let findings) = outcome { #expect(findings[0].summary.contains("server db")) }
        // IPv6 peers are matched against IPv6 rules.
        let v6 = Flow(peer: .address("2001:db8::5"), proto: "tcp", port: 443, direction: "ingress")
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(v6, rules: [Self.rule("ingress", "tcp", 443, "0.0.0.0/0")]))) == ["security_group_blocks"])
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(Self.ssh, rules: sameGroup))) == ["security_group_blocks"])
        // Port security off: nothing filters.
        let open = Self.port.with(["port_security_enabled": false])
        #expect(Self.codes(SecurityGroupFlowRule().evaluate(Self.facts(Self.ssh, rules: [], port: open))).isEmpty)
    }

    @Test func routesGatewaysAndFloatingIPs() {
        let egress = Flow(peer: .internet, proto: "any", port: nil, direction: "egress")
        #expect(Self.codes(RouteRule().evaluate(Self.facts(egress, rules: [], interfaces: []))) == ["no_route_to_external"])
        #expect(Self.codes(RouteRule().evaluate(Self.facts(egress, rules: []))).isEmpty)
        let onSubnet = Flow(peer: .address("10.0.0.77"), proto: "any", port: nil, direction: "egress")
        #expect(RouteRule().evaluate(Self.facts(onSubnet, rules: [], interfaces: [])) == .passed("The peer is on the server's own subnet: no router is needed."))
        let privatePeer = Flow(peer: .address("10.9.0.5"), proto: "any", port: nil, direction: "egress")
        #expect(Self.codes(RouteRule().evaluate(Self.facts(privatePeer, rules: [], interfaces: []))) == ["no_router_on_subnet"])

        #expect(Self.codes(FloatingIPRule().evaluate(Self.facts(Self.ssh, rules: []))) == ["no_floating_ip"])
        let fip: JSONValue = ["id": "f1", "floating_ip_address": "172.24.0.5", "port_id": "p1", "status": "ACTIVE"]
        #expect(Self.codes(FloatingIPRule().evaluate(Self.facts(Self.ssh, rules: [], floating: [fip]))).isEmpty)

        let noGateway = Self.subnet.with(["gateway_ip": .null, "enable_dhcp": false])
        #expect(Self.codes(SubnetRule().evaluate(Self.facts(egress, rules: [], subnet: noGateway))) == ["subnet_without_gateway", "dhcp_disabled"])
    }

    @Test func anIPv6SubnetWithoutARouterDoesNotDecideAnIPv4Flow() {
        let v6: JSONValue = ["id": "sn6", "name": "slaac", "network_id": "net", "cidr": "2001:db8::/64", "ip_version": 6, "gateway_ip": .null, "enable_dhcp": false]
        let dual = Self.port.with(["fixed_ips": [["subnet_id": "sn", "ip_address": "10.0.0.10"], ["subnet_id": "sn6", "ip_address": "2001:db8::10"]]])
        var facts = Self.facts(Flow(peer: .internet, proto: "any", port: nil, direction: "egress"), rules: [], port: dual)
        facts.subnets = .known(["sn": Self.subnet, "sn6": v6])
        #expect(Self.codes(RouteRule().evaluate(facts)).isEmpty, "the IPv4 subnet is routed")
        #expect(Self.codes(SubnetRule().evaluate(facts)).isEmpty, "the IPv6 subnet's DHCP and gateway do not matter to IPv4")
        // Towards an IPv6 peer the IPv6 subnet is the one that counts.
        facts.flow = Flow(peer: .address("2001:db8:ffff::1"), proto: "any", port: nil, direction: "egress")
        #expect(Self.codes(RouteRule().evaluate(facts)) == ["no_route_to_external"])
    }

    @Test func portsAndAgents() {
        let down = Self.port.with(["status": "DOWN", "admin_state_up": false])
        #expect(Self.codes(FlowPortRule().evaluate(Self.facts(Self.ssh, rules: [], port: down))) == ["port_admin_down", "port_down"])
        let dead: JSONValue = ["id": "a1", "agent_type": "L3 agent", "host": "net-1", "alive": false, "admin_state_up": true]
        #expect(Self.codes(AgentRule().evaluate(Self.facts(Self.ssh, rules: [], l3: ["r1": [dead]]))) == ["l3_agent_down"])
        let alive = dead.with(["alive": true])
        #expect(Self.codes(AgentRule().evaluate(Self.facts(Self.ssh, rules: [], l3: ["r1": [dead, alive]]))).isEmpty)
    }

    @Test func addressesInPrefixes() {
        #expect(IPPrefix("10.0.0.0/24")!.contains(address: "10.0.0.200"))
        #expect(!IPPrefix("10.0.0.0/24")!.contains(address: "10.0.1.1"))
        #expect(IPPrefix.anyIPv4.contains(address: "8.8.8.8"))
        #expect(!IPPrefix("::/0")!.contains(address: "8.8.8.8"))
        #expect(IPPrefix.isPrivate("172.20.1.1") && !IPPrefix.isPrivate("172.32.0.1") && IPPrefix.isPrivate("fd00::1"))
    }
}
