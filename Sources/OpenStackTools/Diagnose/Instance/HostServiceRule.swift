import OpenStackKit

/// The nova-compute service and the hypervisor of the server's host.
struct HostServiceRule: DiagnosisRule {
    let check = "host_compute_service"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let host = facts.host else {
            if facts.server["OS-EXT-SRV-ATTR:host"] == nil {
                return .unknown("the server's host is shown only to admins (needs the admin role)")
            }
            return .notApplicable
        }
        guard let service = facts.computeService.value else { return .unknown(facts.computeService.reason ?? "") }
        var findings: [Finding] = []
        if let service {
            let evidence = { (field: String) in
                Evidence("compute_service", id: service["id"]?.stringValue ?? service["id"]?.intValue.map(String.init), name: "nova-compute@\(host)", field: field, value: service[field] ?? .null)
            }
            if service["state"]?.stringValue == "down" || service["forced_down"]?.boolValue == true {
                findings.append(Finding(
                    severity: .error, code: "compute_service_down",
                    summary: "nova-compute on \(host), the server's host, is down: Nova cannot act on the server.",
                    evidence: [evidence("state"), evidence("updated_at")],
                    nextStep: "openstack compute service list --host \(host) --service nova-compute; then check the service on the host"))
            }
            if service["status"]?.stringValue == "disabled" {
                findings.append(Finding(
                    severity: .warning, code: "compute_service_disabled",
                    summary: "nova-compute on \(host) is disabled\(service["disabled_reason"]?.stringValue.map { " (\($0))" } ?? ""): no new servers go there.",
                    evidence: [evidence("status"), evidence("disabled_reason")],
                    nextStep: "openstack compute service list --host \(host) --long"))
            }
        }
        if let hypervisor = facts.hypervisor.value ?? nil, hypervisor["state"]?.stringValue == "down" {
            findings.append(Finding(
                severity: .error, code: "hypervisor_down",
                summary: "The hypervisor \(hypervisor["hypervisor_hostname"]?.stringValue ?? host) is down.",
                evidence: [Evidence("hypervisor", id: hypervisor["id"]?.stringValue ?? hypervisor["id"]?.intValue.map(String.init), name: hypervisor["hypervisor_hostname"]?.stringValue, field: "state", value: "down")],
                nextStep: "openstack hypervisor show \(hypervisor["hypervisor_hostname"]?.stringValue ?? host)"))
        }
        if !findings.isEmpty { return .found(findings) }
        guard service != nil else { return .unknown("no nova-compute service is registered for host \(host)") }
        return .passed("nova-compute on \(host) is up and enabled.")
    }
}
