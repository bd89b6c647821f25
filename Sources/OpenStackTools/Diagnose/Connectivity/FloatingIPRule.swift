import OpenStackKit

/// For traffic from outside the cloud, a floating IP on the server's port; for traffic out, a
/// floating IP or the router's SNAT.
struct FloatingIPRule: DiagnosisRule {
    let check = "floating_ip"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value, !ports.isEmpty, facts.needsExternal else { return .notApplicable }
        if ports.contains(where: facts.isExternal) { return .passed("A port sits on an external network and has a public address itself.") }
        guard let floating = facts.floatingIPs.value else { return .unknown(facts.floatingIPs.reason ?? "") }
        if let fip = floating.first {
            let address = fip["floating_ip_address"]?.stringValue ?? ""
            if fip["status"]?.stringValue == "DOWN" {
                return .found([Finding(
                    severity: .warning, code: "floating_ip_down", summary: "Floating IP \(address) of the server is DOWN.",
                    evidence: [Evidence("floating_ip", id: fip["id"]?.stringValue, name: address, field: "status", value: "DOWN")],
                    nextStep: "openstack floating ip show \(address)")])
            }
            return .passed("Floating IP \(address) is associated with port \(fip["port_id"]?.stringValue ?? "").")
        }
        guard facts.flow.direction == "ingress" else {
            let snat = ports.flatMap { facts.flowSubnets(of: $0) }.compactMap { facts.router(on: $0["id"]?.stringValue ?? "") }
                .contains { $0["external_gateway_info"]?["enable_snat"]?.boolValue != false }
            return snat ? .passed("No floating IP, but the router's SNAT carries outbound traffic.") : .notApplicable
        }
        return .found([Finding(
            severity: .error, code: "no_floating_ip",
            summary: "Server \(facts.serverName) has no floating IP, so nothing outside the cloud can reach its private address.",
            evidence: ports.prefix(4).map { facts.portEvidence($0, "fixed_ips") },
            nextStep: "openstack floating ip list --port \(ports.first?["id"]?.stringValue ?? "<port>"); then openstack server add floating ip \(facts.serverID) <address>")])
    }
}
