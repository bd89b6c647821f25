import OpenStackKit

/// Evaluates the security-group rules of the server's ports for the flow, in its direction, and
/// for another server as the peer also that server's rules in the opposite direction. Names the
/// rule that admits the flow, or says that none does.
struct SecurityGroupFlowRule: DiagnosisRule {
    let check = "security_groups"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value, !ports.isEmpty else { return .notApplicable }
        guard let groups = facts.groups.value else { return .unknown(facts.groups.reason ?? "") }
        var admitted: [String] = []
        var findings: [Finding] = []
        for port in ports {
            let id = port["id"]?.stringValue ?? ""
            if port["port_security_enabled"]?.boolValue == false {
                admitted.append("port \(id) has port security disabled: no security group filters it")
                continue
            }
            let portGroups = (port["security_groups"]?.arrayValue ?? []).compactMap(\.stringValue).compactMap { groups[$0] }
            let rules = portGroups.flatMap { group in (group["security_group_rules"]?.arrayValue ?? []).map { (group, $0) } }
            if let (group, rule) = rules.first(where: { Self.admits($0.1, facts.flow) }) {
                admitted.append("rule \(rule["id"]?.stringValue ?? "") of \(group["name"]?.stringValue ?? "") admits \(facts.flow.text) on port \(id)")
                continue
            }
            let directional = rules.filter { $0.1["direction"]?.stringValue == facts.flow.direction }
            var evidence = [facts.portEvidence(port, "security_groups")]
            evidence += directional.prefix(8).map { group, rule in
                Evidence("security_group_rule", id: rule["id"]?.stringValue, name: group["name"]?.stringValue,
                         field: "\(facts.flow.direction) rule", value: .string(Self.describe(rule)))
            }
            let names = portGroups.compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
            findings.append(Finding(
                severity: .error, code: "security_group_blocks",
                summary: "No \(facts.flow.direction) rule of security group(s) \(names.isEmpty ? "(none)" : names) on port \(id) admits \(facts.flow.text).",
                evidence: evidence,
                nextStep: "openstack security group rule list \(portGroups.first?["id"]?.stringValue ?? "<group>") --\(facts.flow.direction); add a rule for \(facts.flow.text) if it should pass"))
        }
        if !findings.isEmpty { return .found(findings) }
        return .passed(admitted.joined(separator: "; ") + ".")
    }

    /// Whether one rule admits the flow (direction, IP version, protocol, port, remote).
    static func admits(_ rule: JSONValue, _ flow: Flow) -> Bool {
        guard rule["direction"]?.stringValue == flow.direction, rule["ethertype"]?.stringValue ?? "IPv4" == "IPv4" else { return false }
        let proto = (rule["protocol"]?.stringValue ?? "any").lowercased()
        let numbers = ["6": "tcp", "17": "udp", "1": "icmp", "0": "any"]
        let ruleProto = numbers[proto] ?? proto
        if ruleProto != "any" {
            guard flow.proto == ruleProto else { return false }
            if ruleProto != "icmp", let port = flow.port {
                let low = rule["port_range_min"]?.intValue, high = rule["port_range_max"]?.intValue
                if let low, port < low { return false }
                if let high, port > high { return false }
            }
        }
        if let remoteGroup = rule["remote_group_id"]?.stringValue {
            guard case .server(_, _, _, let peerGroups) = flow.peer else { return false }
            return peerGroups.contains(remoteGroup)
        }
        guard let prefix = rule["remote_ip_prefix"]?.stringValue else { return true }
        switch flow.peer {
        case .internet: return prefix.hasSuffix("/0")
        default: return !flow.peerAddresses.isEmpty && flow.peerAddresses.allSatisfy { IPv4.contains(prefix, $0) == true }
        }
    }

    static func describe(_ rule: JSONValue) -> String {
        let proto = rule["protocol"]?.stringValue ?? "any"
        let low = rule["port_range_min"]?.intValue, high = rule["port_range_max"]?.intValue
        let ports = low.map { low in high.map { $0 == low ? " \(low)" : " \(low)-\($0)" } ?? " \(low)" } ?? ""
        let remote = rule["remote_ip_prefix"]?.stringValue ?? rule["remote_group_id"]?.stringValue.map { "group \($0)" } ?? "anywhere"
        return "\(rule["ethertype"]?.stringValue ?? "IPv4") \(proto)\(ports) from/to \(remote)"
    }
}
