import OpenStackKit

/// The server's ports: bound to its host, and up.
struct PortBindingRule: DiagnosisRule {
    let check = "port_bindings"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let ports = facts.ports.value else { return .unknown(facts.ports.reason ?? "") }
        guard facts.status == "ACTIVE" else { return .notApplicable }
        guard !ports.isEmpty else { return .passed("The server has no ports (no network was requested).") }
        var findings: [Finding] = []
        var bindingHidden = false
        for port in ports {
            let id = port["id"]?.stringValue
            let evidence = { (field: String) in Evidence("port", id: id, name: port["name"]?.stringValue, field: field, value: port[field] ?? .null) }
            switch port["binding:vif_type"]?.stringValue {
            case "binding_failed":
                findings.append(Finding(
                    severity: .error, code: "port_binding_failed",
                    summary: "Port \(id ?? "") failed to bind on host \(port["binding:host_id"]?.stringValue ?? "?"): no Neutron agent or mechanism driver there could serve its network.",
                    evidence: [evidence("binding:vif_type"), evidence("binding:host_id")],
                    nextStep: "openstack port show \(id ?? "") -c binding_vif_type -c binding_host_id; openstack network agent list --host \(port["binding:host_id"]?.stringValue ?? "<host>")"))
            case "unbound":
                findings.append(Finding(
                    severity: .warning, code: "port_unbound", summary: "Port \(id ?? "") of a running server is not bound to any host.",
                    evidence: [evidence("binding:vif_type")], nextStep: "openstack port show \(id ?? "")"))
            case nil:
                bindingHidden = true
            default:
                break
            }
            if port["status"]?.stringValue == "DOWN" {
                findings.append(Finding(
                    severity: .warning, code: "port_down", summary: "Port \(id ?? "") of a running server is DOWN.",
                    evidence: [evidence("status")], nextStep: "openstack port show \(id ?? "") -c status -c binding_host_id"))
            }
        }
        if !findings.isEmpty { return .found(findings) }
        if bindingHidden { return .unknown("port bindings (binding:vif_type, binding:host_id) are shown only to admins (needs the admin role)") }
        return .passed("Its \(ports.count) port(s) are ACTIVE and bound.")
    }
}
