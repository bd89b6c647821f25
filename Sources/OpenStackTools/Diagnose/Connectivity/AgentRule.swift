import OpenStackKit

/// The L3 agents of the routers on the path and the DHCP agents of the server's networks: alive.
struct AgentRule: DiagnosisRule {
    let check = "network_agents"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value, !ports.isEmpty else { return .notApplicable }
        guard let l3 = facts.l3Agents.value, let dhcp = facts.dhcpAgents.value else {
            return .unknown(facts.l3Agents.reason ?? facts.dhcpAgents.reason ?? "")
        }
        var findings: [Finding] = []
        for (routerID, agents) in l3.sorted(by: { $0.key < $1.key }) where !agents.isEmpty && !agents.contains(where: Self.alive) {
            findings.append(Finding(
                severity: .error, code: "l3_agent_down", summary: "Every L3 agent hosting router \(facts.routers.value?[routerID]?["name"]?.stringValue ?? routerID) is dead.",
                evidence: agents.map(Self.evidence), nextStep: "openstack network agent list --router \(routerID)"))
        }
        for (networkID, agents) in dhcp.sorted(by: { $0.key < $1.key }) where !agents.isEmpty && !agents.contains(where: Self.alive) {
            findings.append(Finding(
                severity: .warning, code: "dhcp_agent_down", summary: "Every DHCP agent serving network \(facts.networks.value?[networkID]?["name"]?.stringValue ?? networkID) is dead: renewals fail.",
                evidence: agents.map(Self.evidence), nextStep: "openstack network agent list --network \(networkID)"))
        }
        if !findings.isEmpty { return .found(findings) }
        let count = l3.values.map(\.count).reduce(0, +) + dhcp.values.map(\.count).reduce(0, +)
        return count == 0 ? .passed("No agents are scheduled for these routers and networks (an OVN-style backend serves them itself).")
            : .passed("The \(count) L3 and DHCP agent(s) serving them are alive.")
    }

    static func alive(_ agent: JSONValue) -> Bool { agent["alive"]?.boolValue == true && agent["admin_state_up"]?.boolValue != false }

    static func evidence(_ agent: JSONValue) -> Evidence {
        Evidence("network_agent", id: agent["id"]?.stringValue, name: "\(agent["agent_type"]?.stringValue ?? "agent")@\(agent["host"]?.stringValue ?? "")", field: "alive", value: agent["alive"] ?? .null)
    }
}
