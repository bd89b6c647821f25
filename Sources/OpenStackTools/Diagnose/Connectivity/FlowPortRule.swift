import OpenStackKit

/// Each port of the server: up, administratively up, and bound.
struct FlowPortRule: DiagnosisRule {
    let check = "ports"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value else { return .unknown(facts.ports.reason ?? "") }
        guard !ports.isEmpty else {
            return .found([Finding(
                severity: .error, code: "server_without_port", summary: "Server \(facts.serverName) has no port, so it has no network at all.",
                evidence: [Evidence("server", id: facts.serverID, name: facts.serverName, field: "ports", value: 0)],
                nextStep: "openstack port list --server \(facts.serverID)")])
        }
        var findings: [Finding] = []
        for port in ports {
            let id = port["id"]?.stringValue ?? ""
            if port["admin_state_up"]?.boolValue == false {
                findings.append(Finding(
                    severity: .error, code: "port_admin_down", summary: "Port \(id) is administratively down (admin_state_up false).",
                    evidence: [facts.portEvidence(port, "admin_state_up")], nextStep: "openstack port show \(id) -c admin_state_up"))
            }
            if port["binding:vif_type"]?.stringValue == "binding_failed" {
                findings.append(Finding(
                    severity: .error, code: "port_binding_failed", summary: "Port \(id) failed to bind on its host: it carries no traffic.",
                    evidence: [facts.portEvidence(port, "binding:vif_type"), facts.portEvidence(port, "binding:host_id")],
                    nextStep: "openstack network agent list --host \(port["binding:host_id"]?.stringValue ?? "<host>")"))
            }
            if port["status"]?.stringValue == "DOWN" {
                findings.append(Finding(
                    severity: .error, code: "port_down", summary: "Port \(id) is DOWN: its agent has not wired it.",
                    evidence: [facts.portEvidence(port, "status")], nextStep: "openstack port show \(id) -c status -c binding_host_id"))
            }
        }
        return findings.isEmpty ? .passed("Its \(ports.count) port(s) are ACTIVE and up.") : .found(findings)
    }
}
