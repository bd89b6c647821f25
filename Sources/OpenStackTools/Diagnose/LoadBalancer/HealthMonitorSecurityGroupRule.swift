import Foundation
import OpenStackKit

/// Whether the security groups of a down member's port admit the health monitor's probe: its
/// protocol, on the member's monitor or service port, from the VIP subnet where the amphora sits.
/// A rule that admits by remote group is not counted, since the amphora's port is in none of the
/// project's groups. Members that are ONLINE are not checked: the monitor evidently reaches them.
struct HealthMonitorSecurityGroupRule: DiagnosisRule {
    let check = "health_monitor_security_groups"

    func evaluate(_ facts: LoadBalancerFacts) -> RuleOutcome {
        let traced = facts.downMembers.compactMap { pool, member in
            facts.holders[member.id]?.value?.port.map { (pool, member, $0) }
        }
        guard !traced.isEmpty else { return .notApplicable }
        guard let subnet = facts.vipSubnet.value, let source = subnet.cidr.flatMap(Prefix.init) else {
            return .unknown(facts.vipSubnet.reason ?? "the VIP subnet has no CIDR")
        }
        guard let groups = facts.groups.value else { return .unknown(facts.groups.reason ?? "") }
        let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        for (pool, member, port) in traced where port.portSecurityEnabled != false {
            let probe = Probe(monitor: facts.monitor(of: pool), member: member, pool: pool)
            let portGroups = port.securityGroupIDs.compactMap { byID[$0] }
            if portGroups.contains(where: { $0.rules.contains { probe.isAdmitted(by: $0, from: source) } }) { continue }
            var evidence = [
                Evidence("member", id: member.id, name: member.name, field: "protocol_port", value: .int(probe.port)),
                Evidence("subnet", id: subnet.id, name: subnet.name, field: "cidr", value: .string(subnet.cidr ?? "")),
                Evidence("port", id: port.id, name: port.name, field: "security_groups", value: .array(port.securityGroupIDs.map(JSONValue.string))),
            ]
            evidence += portGroups.map { group in
                let ingress = group.rules.filter { $0.direction == "ingress" }.map(Self.describe)
                return Evidence("security_group", id: group.id, name: group.name, field: "ingress_rules", value: .array(ingress))
            }
            let names = portGroups.map { $0.name ?? $0.id }.joined(separator: ", ")
            findings.append(
                Finding(
                    severity: .error, code: "health_monitor_blocked_by_security_group",
                    summary: "No ingress rule of security group(s) \(names) on member \(member.name ?? member.id)'s port admits the health monitor's \(probe.protocolName.uppercased()) \(probe.port) from the VIP subnet \(subnet.cidr ?? "").",
                    evidence: evidence,
                    nextStep: "openstack security group rule list \(portGroups.first?.id ?? "<group>") --ingress; a rule like openstack security group rule create --protocol \(probe.protocolName) --dst-port \(probe.port) --remote-ip \(subnet.cidr ?? "<vip subnet>") <group> admits it."))
        }
        if findings.isEmpty {
            return .passed("The security groups of the \(traced.count) down member(s) admit the health monitor's traffic from \(subnet.cidr ?? "the VIP subnet").")
        }
        return .found(findings)
    }

    /// A rule as the CLI lists it: `tcp 80:80 from 0.0.0.0/0`.
    static func describe(_ rule: SecurityGroupRule) -> JSONValue {
        let proto: String = rule.ipProtocol ?? "any"
        let ports: String = rule.portRange ?? "any"
        let remote: String = rule.ipRange ?? "group " + (rule.remoteGroupID ?? "?")
        return .string(proto + " " + ports + " from " + remote)
    }

    /// The health monitor's probe of one member.
    struct Probe {
        var protocolName: String
        var port: Int

        init(monitor: HealthMonitor?, member: PoolMember, pool: Pool) {
            switch (monitor?.type ?? pool.protocolName ?? "TCP").uppercased() {
            case "PING": protocolName = "icmp"
            case "UDP-CONNECT", "UDP": protocolName = "udp"
            case "SCTP": protocolName = "sctp"
            default: protocolName = "tcp"
            }
            port = member.raw["monitor_port"]?.intValue ?? member.port ?? 0
        }

        private static let numbers = ["tcp": "6", "udp": "17", "icmp": "1", "sctp": "132"]

        /// An ingress rule of the right ethertype, protocol and port range whose remote prefix
        /// holds the whole source subnet.
        func isAdmitted(by rule: SecurityGroupRule, from source: Prefix) -> Bool {
            guard rule.direction == "ingress", rule.ethertype == (source.isIPv6 ? "IPv6" : "IPv4") else { return false }
            if let proto = rule.ipProtocol?.lowercased(), proto != "any", proto != protocolName, proto != Self.numbers[protocolName],
                !(protocolName == "icmp" && ["ipv6-icmp", "icmpv6", "58"].contains(proto)) {
                return false
            }
            if protocolName != "icmp" {
                if let low = rule.portRangeMin, port < low { return false }
                if let high = rule.portRangeMax, port > high { return false }
            }
            if rule.remoteGroupID != nil || rule.remoteAddressGroupID != nil { return false }
            guard let text = rule.remoteIPPrefix else { return true }
            return Prefix(text).map { $0.contains(source) } ?? false
        }
    }

    /// An IP prefix (`10.0.0.0/24`, `2001:db8::/64`) as bytes and a length.
    struct Prefix: Equatable {
        var bytes: [UInt8]
        var length: Int
        var isIPv6: Bool { bytes.count == 16 }

        init?(_ text: String) {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.parse(parts[0]) else { return nil }
            let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let length, (0...bytes.count * 8).contains(length) else { return nil }
            self.bytes = bytes
            self.length = length
        }

        /// Whether every address of `other` is in this prefix.
        func contains(_ other: Prefix) -> Bool {
            guard other.bytes.count == bytes.count, other.length >= length else { return false }
            for bit in 0..<length {
                let mask = UInt8(0x80) >> UInt8(bit % 8)
                if bytes[bit / 8] & mask != other.bytes[bit / 8] & mask { return false }
            }
            return true
        }

        static func parse(_ text: String) -> [UInt8]? {
            if !text.contains(":") {
                let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
                return octets.count == 4 ? octets : nil
            }
            let halves = text.components(separatedBy: "::")
            guard halves.count <= 2 else { return nil }
            let groups = halves.map { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) } }
            guard groups.allSatisfy({ $0.allSatisfy { $0 != nil } }) else { return nil }
            let head = groups[0].compactMap { $0 }, tail = groups.count == 2 ? groups[1].compactMap { $0 } : []
            let fill = 8 - head.count - tail.count
            guard halves.count == 2 ? fill >= 0 : fill == 0 else { return nil }
            return (head + Array(repeating: 0, count: fill) + tail).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }
}
