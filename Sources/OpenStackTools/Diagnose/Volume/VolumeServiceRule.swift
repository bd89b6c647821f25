import OpenStackKit

/// The cinder-volume service of the volume's host (`host@backend`): down, it serves nothing;
/// disabled, the scheduler places nothing new there.
struct VolumeServiceRule: DiagnosisRule {
    let check = "volume_service"

    func evaluate(_ facts: VolumeFacts) -> RuleOutcome {
        guard let host = facts.serviceHost else {
            return facts.isAdmin ? .notApplicable : .unknown("the volume's host (os-vol-host-attr:host) is shown to the admin role only")
        }
        guard let services = facts.services.value else { return .unknown(facts.services.reason ?? "") }
        let next = "openstack volume service list --service cinder-volume --host \(host) shows its state and status."
        guard let service = services.first(where: { $0.binary == "cinder-volume" && $0.host == host }) else {
            return .found([
                Finding(
                    severity: .error, code: "volume_service_down",
                    summary: "No cinder-volume service reports host \(host), which holds the volume.",
                    evidence: [Evidence("volume", id: facts.volume.id, name: facts.volume.name, field: "os-vol-host-attr:host", value: .string(facts.volume.host ?? host))],
                    nextStep: next),
            ])
        }
        let evidence = { (field: String, value: String?) in
            Evidence("volume_service", id: nil, name: "cinder-volume@\(host)", field: field, value: value.map(JSONValue.string) ?? .null)
        }
        if service.state?.lowercased() == "down" {
            return .found([
                Finding(
                    severity: .error, code: "volume_service_down",
                    summary: "The cinder-volume service on \(host), which holds the volume, is down (last report \(service.updatedAt ?? "unknown")).",
                    evidence: [evidence("state", service.state), evidence("updated_at", service.updatedAt)], nextStep: next),
            ])
        }
        if service.status?.lowercased() == "disabled" {
            return .found([
                Finding(
                    severity: .warning, code: "volume_service_disabled",
                    summary: "The cinder-volume service on \(host) is disabled\(service.disabledReason.map { " (\($0))" } ?? ""): nothing new is placed there.",
                    evidence: [evidence("status", service.status), evidence("disabled_reason", service.disabledReason)], nextStep: next),
            ])
        }
        return .passed("cinder-volume on \(host) is up and enabled.")
    }
}
