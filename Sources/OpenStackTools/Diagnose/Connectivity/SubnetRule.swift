import OpenStackKit

/// The subnets of the server's ports: a gateway where the flow leaves them, and DHCP.
struct SubnetRule: DiagnosisRule {
    let check = "subnets"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value, !ports.isEmpty else { return .notApplicable }
        guard facts.subnets.value != nil else { return .unknown(facts.subnets.reason ?? "") }
        var findings: [Finding] = []
        for port in ports where !facts.isExternal(port) {
            for subnet in facts.flowSubnets(of: port) {
                let id = subnet["id"]?.stringValue
                let evidence = { (field: String) in Evidence("subnet", id: id, name: subnet["name"]?.stringValue, field: field, value: subnet[field] ?? .null) }
                if facts.needsRoute(port), subnet["gateway_ip"]?.stringValue == nil {
                    findings.append(Finding(
                        severity: .error, code: "subnet_without_gateway",
                        summary: "Subnet \(subnet["name"]?.stringValue ?? id ?? "") has no gateway, so nothing leaves it.",
                        evidence: [evidence("gateway_ip")], nextStep: "openstack subnet show \(id ?? "") -c gateway_ip"))
                }
                if subnet["enable_dhcp"]?.boolValue == false {
                    findings.append(Finding(
                        severity: .warning, code: "dhcp_disabled",
                        summary: "Subnet \(subnet["name"]?.stringValue ?? id ?? "") has DHCP disabled: the server gets its address only from a config drive or static setup.",
                        evidence: [evidence("enable_dhcp")], nextStep: "openstack subnet show \(id ?? "") -c enable_dhcp"))
                }
            }
        }
        return findings.isEmpty ? .passed("The subnets have their gateway and DHCP.") : .found(findings)
    }
}
