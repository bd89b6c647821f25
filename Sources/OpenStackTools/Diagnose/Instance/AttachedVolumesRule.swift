import OpenStackKit

/// The state of the volumes attached to the server, as Cinder sees them.
struct AttachedVolumesRule: DiagnosisRule {
    let check = "attached_volumes"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let volumes = facts.volumes.value else { return .unknown(facts.volumes.reason ?? "") }
        guard !volumes.isEmpty else { return .notApplicable }
        var findings: [Finding] = []
        for volume in volumes {
            let id = volume["id"]?.stringValue ?? ""
            let status = volume["status"]?.stringValue ?? "unknown"
            let evidence = [Evidence("volume", id: id, name: volume["name"]?.stringValue, field: "status", value: .string(status))]
            if status.hasPrefix("error") {
                findings.append(Finding(
                    severity: .error, code: "volume_error", summary: "Attached volume \(volume["name"]?.stringValue ?? id) is in \(status).",
                    evidence: evidence, nextStep: "Why: diagnose_volume, or openstack volume message list --resource-uuid \(id)"))
            } else if status != "in-use" {
                findings.append(Finding(
                    severity: .warning, code: "volume_not_in_use",
                    summary: "Volume \(volume["name"]?.stringValue ?? id) is attached in Nova's view but \(status) in Cinder's.",
                    evidence: evidence, nextStep: "openstack volume show \(id) -c status -c attachments"))
            }
        }
        let attached = facts.server["os-extended-volumes:volumes_attached"]?.arrayValue?.count ?? volumes.count
        let cut = attached > volumes.count ? " (the first \(volumes.count) of \(attached) were read)" : ""
        return findings.isEmpty ? .passed("Its \(volumes.count) attached volume(s) are in-use\(cut).") : .found(findings)
    }
}
