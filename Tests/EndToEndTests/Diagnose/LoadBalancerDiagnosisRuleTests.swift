import OpenStackKit
@testable import OpenStackTools
import Testing

/// The rules of `diagnose_load_balancer`, each over hand-built facts: one case that finds, one that passes.
@Suite struct LoadBalancerDiagnosisRuleTests {
    static let subnetID = "subnet-1"

    static func member(_ id: String, status: String = "ERROR", address: String = "10.0.0.5", provisioning: String = "ACTIVE") throws -> PoolMember {
        try PoolMember(json: [
            "id": .string(id), "name": .string("m-\(id)"), "address": .string(address), "protocol_port": 8080,
            "subnet_id": .string(subnetID), "operating_status": .string(status), "provisioning_status": .string(provisioning),
        ])
    }

    static func port(groups: [String] = ["sg-1"], device: String = "server-1", security: Bool = true) throws -> OpenStackKit.Port {
        try OpenStackKit.Port(json: [
            "id": "port-1", "device_id": .string(device), "device_owner": "compute:nova", "status": "ACTIVE",
            "fixed_ips": [["ip_address": "10.0.0.5", "subnet_id": .string(subnetID)]],
            "security_groups": .array(groups.map(JSONValue.string)), "port_security_enabled": .bool(security),
        ])
    }

    static func server(status: String) throws -> OpenStackKit.Server {
        try OpenStackKit.Server(json: ["id": "server-1", "name": "web-1", "status": .string(status)])
    }

    static func group(rules: [JSONValue]) throws -> SecurityGroup {
        try SecurityGroup(json: [
            "id": "sg-1", "name": "web",
            "security_group_rules": .array(rules.enumerated().map { index, rule in
                var object = rule.objectValue ?? [:]
                object["id"] = .string("rule-\(index)")
                object["direction"] = object["direction"] ?? "ingress"
                object["ethertype"] = object["ethertype"] ?? "IPv4"
                return .object(object)
            }),
        ])
    }

    static func facts(
        members: [PoolMember], holder: Fact<MemberHolder>? = nil, groups: [SecurityGroup] = [],
        amphorae: Fact<[Amphora]> = .known([]), balancerStatus: String = "ACTIVE", monitorType: String = "HTTP"
    ) throws -> LoadBalancerFacts {
        let balancer = try LoadBalancer(json: ["id": "lb-1", "name": "lb", "provisioning_status": .string(balancerStatus), "vip_subnet_id": .string(subnetID)])
        let pool = try Pool(json: ["id": "pool-1", "name": "pool", "protocol": "HTTP", "healthmonitor_id": "hm-1", "provisioning_status": "ACTIVE"])
        let monitor = try HealthMonitor(json: ["id": "hm-1", "type": .string(monitorType), "provisioning_status": "ACTIVE"])
        let subnet = try Subnet(json: ["id": .string(subnetID), "name": "vip", "cidr": "10.0.0.0/24", "ip_version": 4])
        var facts = LoadBalancerFacts(
            balancer: balancer, listeners: .known([]), pools: .known([pool]), amphorae: amphorae, vipSubnet: .known(subnet))
        facts.members = ["pool-1": members]
        facts.monitors = ["hm-1": monitor]
        if let holder { for member in members where member.isDown || member.isUnmonitored { facts.holders[member.id] = holder } }
        facts.groups = .known(groups)
        return facts
    }

    static func codes(_ outcome: RuleOutcome) -> [String] {
        if case .found(let findings) = outcome { return findings.map(\.code) }
        return []
    }

    @Test func whatHoldsADownMembersAddress() throws {
        let down = try Self.member("a")
        let nothing = try Self.facts(members: [down], holder: .known(MemberHolder(port: nil, server: nil)))
        let outcome = MemberAddressRule().evaluate(nothing)
        #expect(Self.codes(outcome) == ["member_address_unknown"])
        if case .found(let findings) = outcome {
            #expect(findings[0].severity == .error)
            #expect(findings[0].evidence.contains(Evidence("member", id: "a", name: "m-a", field: "address", value: "10.0.0.5")))
            #expect(findings[0].evidence.contains { $0.field == "subnet_id" && $0.value == .string(Self.subnetID) })
        }
        let stopped = try Self.facts(members: [down], holder: .known(MemberHolder(port: Self.port(), server: .known(Self.server(status: "SHUTOFF")))))
        #expect(Self.codes(MemberAddressRule().evaluate(stopped)) == ["member_server_not_active"])
        let deleted = try Self.facts(members: [down], holder: .known(MemberHolder(port: Self.port(), server: .known(nil))))
        #expect(Self.codes(MemberAddressRule().evaluate(deleted)) == ["member_server_not_active"])
        let running = try Self.facts(members: [down], holder: .known(MemberHolder(port: Self.port(), server: .known(Self.server(status: "ACTIVE")))))
        #expect(Self.codes(MemberAddressRule().evaluate(running)) == ["member_offline"])
        let online = try Self.facts(members: [Self.member("b", status: "ONLINE")])
        if case .passed = MemberAddressRule().evaluate(online) {} else { Issue.record("all members ONLINE passes") }
        // No monitor: the address is still traced (NO_MONITOR says nothing about it), but a member
        // on an ACTIVE server is not called offline.
        let unmonitored = try Self.member("c", status: "NO_MONITOR")
        let ghost = try Self.facts(members: [unmonitored], holder: .known(MemberHolder(port: nil, server: nil)))
        #expect(Self.codes(MemberAddressRule().evaluate(ghost)) == ["member_address_unknown"])
        let served = try Self.facts(members: [unmonitored], holder: .known(MemberHolder(port: Self.port(), server: .known(Self.server(status: "ACTIVE")))))
        if case .passed = MemberAddressRule().evaluate(served) {} else { Issue.record("an unmonitored member on an ACTIVE server passes") }
    }

    @Test func theHealthMonitorsProbeAgainstTheMembersSecurityGroups() throws {
        let down = try Self.member("a")
        let holder = Fact<MemberHolder>.known(MemberHolder(port: try Self.port(), server: .known(try Self.server(status: "ACTIVE"))))
        let onlyWeb = try Self.group(rules: [["protocol": "tcp", "port_range_min": 80, "port_range_max": 80, "remote_ip_prefix": "0.0.0.0/0"]])
        let blocked = try Self.facts(members: [down], holder: holder, groups: [onlyWeb])
        let outcome = HealthMonitorSecurityGroupRule().evaluate(blocked)
        #expect(Self.codes(outcome) == ["health_monitor_blocked_by_security_group"])
        if case .found(let findings) = outcome { #expect(findings[0].summary.contains("TCP 8080") && findings[0].summary.contains("10.0.0.0/24")) }

        let byGroup = try Self.group(rules: [["remote_group_id": "sg-1"]])
        #expect(Self.codes(HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [down], holder: holder, groups: [byGroup]))).count == 1,
                "a remote-group rule does not admit the amphora")
        let narrow = try Self.group(rules: [["protocol": "tcp", "port_range_min": 8080, "port_range_max": 8080, "remote_ip_prefix": "10.0.0.128/25"]])
        #expect(Self.codes(HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [down], holder: holder, groups: [narrow]))).count == 1,
                "a prefix holding only part of the VIP subnet does not admit it")

        let admits = try Self.group(rules: [["protocol": "tcp", "port_range_min": 8000, "port_range_max": 9000, "remote_ip_prefix": "10.0.0.0/16"]])
        if case .passed = HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [down], holder: holder, groups: [admits])) {} else {
            Issue.record("a rule for the port from a prefix holding the subnet passes")
        }
        let ping = try Self.group(rules: [["protocol": "icmp", "remote_ip_prefix": "0.0.0.0/0"]])
        if case .passed = HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [down], holder: holder, groups: [ping], monitorType: "PING")) {} else {
            Issue.record("a PING monitor is admitted by an ICMP rule")
        }
        let noSecurity = Fact<MemberHolder>.known(MemberHolder(port: try Self.port(security: false), server: nil))
        if case .passed = HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [down], holder: noSecurity, groups: [onlyWeb])) {} else {
            Issue.record("a port without port security admits everything")
        }
        #expect(HealthMonitorSecurityGroupRule().evaluate(try Self.facts(members: [Self.member("b", status: "ONLINE")])) == .notApplicable)
    }

    @Test func provisioningErrorsOnAnyPart() throws {
        let failedMember = try Self.facts(members: [Self.member("a", status: "ONLINE", provisioning: "ERROR")])
        #expect(Self.codes(LoadBalancerProvisioningRule().evaluate(failedMember)) == ["load_balancer_provisioning_error"])
        let failedBalancer = try Self.facts(members: [], balancerStatus: "ERROR")
        #expect(Self.codes(LoadBalancerProvisioningRule().evaluate(failedBalancer)) == ["load_balancer_provisioning_error"])
        if case .passed = LoadBalancerProvisioningRule().evaluate(try Self.facts(members: [Self.member("a", status: "ONLINE")])) {} else {
            Issue.record("everything ACTIVE passes")
        }
    }

    @Test func amphoraeInErrorAndTheAdminRole() throws {
        let amphora = { (status: String) in try Amphora(json: ["id": "amp-1", "loadbalancer_id": "lb-1", "status": .string(status), "role": "STANDALONE"]) }
        #expect(Self.codes(AmphoraRule().evaluate(try Self.facts(members: [], amphorae: .known([amphora("ERROR")])))) == ["amphora_error"])
        if case .passed = AmphoraRule().evaluate(try Self.facts(members: [], amphorae: .known([amphora("ALLOCATED")]))) {} else {
            Issue.record("an allocated amphora passes")
        }
        let member = try Self.facts(members: [], amphorae: .unknown("reading amphorae needs the admin role (octavia answered 403)"))
        #expect(AmphoraRule().evaluate(member) == .unknown("reading amphorae needs the admin role (octavia answered 403)"))
    }

    @Test func prefixesContainWholeSubnets() {
        typealias Prefix = IPPrefix
        let subnet = Prefix("10.2.0.0/16")!
        #expect(Prefix("0.0.0.0/0")!.contains(subnet) && Prefix("10.0.0.0/8")!.contains(subnet) && Prefix("10.2.0.0/16")!.contains(subnet))
        #expect(!Prefix("10.2.0.0/24")!.contains(subnet) && !Prefix("10.3.0.0/16")!.contains(subnet) && !Prefix("::/0")!.contains(subnet))
        #expect(Prefix("2001:db8::/32")!.contains(Prefix("2001:db8:1::/64")!) && !Prefix("2001:db9::/32")!.contains(Prefix("2001:db8::/64")!))
        #expect(Prefix("10.0.0.300/24") == nil && Prefix("10.0.0.0/33") == nil)
    }
}
