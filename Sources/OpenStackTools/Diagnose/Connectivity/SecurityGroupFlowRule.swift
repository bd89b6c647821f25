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
            let rules = portGroups.flatMap { group in
                (group["security_group_rules"]?.arrayValue ?? []).compactMap { try? SecurityGroupRule(json: $0) }.map { (group, $0) }
            }
            // Every address of the peer must pass some rule; the first rule that passes one is named.
            let admitting = facts.flow.traffic.map { traffic in rules.first { traffic.isAdmitted(by: $0.1) } }
            if !admitting.isEmpty, admitting.allSatisfy({ $0 != nil }), let (group, rule) = admitting.first ?? nil {
                admitted.append("rule \(rule.id) of \(group["name"]?.stringValue ?? "") admits \(facts.flow.text) on port \(id)")
                continue
            }
            let directional = rules.filter { $0.1.direction == facts.flow.direction }
            var evidence = [facts.portEvidence(port, "security_groups")]
            evidence += directional.prefix(8).map { group, rule in
                Evidence("security_group_rule", id: rule.id, name: group["name"]?.stringValue,
                         field: "\(facts.flow.direction) rule", value: .string(Self.describe(rule)))
            }
            let names = portGroups.compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
            findings.append(Finding(
                severity: .error, code: "security_group_blocks",
                summary: "No \(facts.flow.direction) rule of security group(s) \(names.isEmpty ? "(none)" : names) on port \(id) admits \(facts.flow.text).",
                evidence: evidence,
                nextStep: "openstack security group rule list \(portGroups.first?["id"]?.stringValue ?? "<group>") --\(facts.flow.direction); add a rule for \(facts.flow.text) if it should pass"))
        }
        if let finding = peerBlocks(facts) { findings.append(finding) }
        if !findings.isEmpty { return .found(findings) }
        return .passed(admitted.joined(separator: "; ") + ".")
    }

    /// For another server as the peer: its own rules, for the flow as it sees it (the opposite
    /// direction, from or to this server's addresses and groups).
    func peerBlocks(_ facts: ConnectivityFacts) -> Finding? {
        guard case .server(let peerID, let peerName, _, _, let peerGroups) = facts.flow.peer, !peerGroups.isEmpty else { return nil }
        let ports = facts.ports.value ?? []
        let ownGroups = ports.flatMap { $0["security_groups"]?.arrayValue ?? [] }.compactMap(\.stringValue)
        let ownAddresses = ports.flatMap { $0["fixed_ips"]?.arrayValue ?? [] }.compactMap { $0["ip_address"]?.stringValue }.compactMap { IPPrefix($0) }
        let rules = peerGroups.flatMap { group in
            (group["security_group_rules"]?.arrayValue ?? []).compactMap { try? SecurityGroupRule(json: $0) }
        }
        let flow = facts.flow
        let passes = ownAddresses.contains { address in
            let traffic = SecurityGroupTraffic(direction: flow.opposite, proto: flow.proto, port: flow.port, remote: address, remoteGroups: ownGroups)
            return rules.contains(where: traffic.isAdmitted)
        }
        guard !passes, !ownAddresses.isEmpty else { return nil }
        let names = peerGroups.compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
        return Finding(
            severity: .error, code: "security_group_blocks",
            summary: "No \(flow.opposite) rule of server \(peerName ?? peerID)'s security group(s) \(names) admits the same traffic from its side.",
            evidence: peerGroups.map { Evidence("security_group", id: $0["id"]?.stringValue, name: $0["name"]?.stringValue, field: "\(flow.opposite) rules", value: .int(rules.filter { $0.direction == flow.opposite }.count)) },
            nextStep: "openstack security group rule list \(peerGroups.first?["id"]?.stringValue ?? "<group>") --\(flow.opposite)")
    }

    /// A rule as the CLI lists it: `IPv4 tcp 80:80 0.0.0.0/0`.
    static func describe(_ rule: SecurityGroupRule) -> String {
        let remote = rule.remoteIPPrefix ?? rule.remoteGroupID.map { "group \($0)" } ?? "anywhere"
        return "\(rule.ethertype ?? "IPv4") \(rule.ipProtocol ?? "any") \(rule.portRange ?? "any") \(remote)"
    }
}
