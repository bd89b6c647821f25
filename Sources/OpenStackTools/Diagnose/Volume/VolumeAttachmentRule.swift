import OpenStackKit

/// Cinder's attachments against Nova's `os-extended-volumes:volumes_attached` of each server:
/// a server that is gone or does not list the volume means the two services disagree.
struct VolumeAttachmentRule: DiagnosisRule {
    let check = "attachments"

    func evaluate(_ facts: VolumeFacts) -> RuleOutcome {
        let volume = facts.volume
        let status = volume.status?.lowercased() ?? ""
        var evidence: [Evidence] = []
        var unread: [String] = []
        if volume.attachments.isEmpty && status == "in-use" {
            evidence.append(Evidence("volume", id: volume.id, name: volume.name, field: "attachments", value: .array([])))
        }
        for (id, fact) in facts.servers.sorted(by: { $0.key < $1.key }) {
            switch fact {
            case .unknown(let reason): unread.append(reason)
            case .known(.none):
                evidence.append(Evidence("server", id: id, field: "exists", value: false))
            case .known(let server?) where !server.attachedVolumeIDs.contains(volume.id):
                evidence.append(Evidence(
                    "server", id: id, name: server.name, field: "os-extended-volumes:volumes_attached",
                    value: .array(server.attachedVolumeIDs.map(JSONValue.string))))
            case .known: break
            }
        }
        if !evidence.isEmpty {
            return .found([
                Finding(
                    severity: .error, code: "attachment_mismatch",
                    summary: "Cinder and Nova disagree about volume \(volume.name ?? volume.id) (status \(status)): \(evidence.count) attachment(s) do not match.",
                    evidence: [Evidence("volume", id: volume.id, name: volume.name, field: "status", value: .string(status))] + evidence,
                    nextStep: "Compare openstack volume attachment list --volume-id \(volume.id) with openstack server show <server> -c volumes_attached."),
            ])
        }
        if let reason = unread.first { return .unknown(reason) }
        if volume.attachments.isEmpty { return .passed("The volume is not attached, and Cinder says \(status).") }
        let capped = facts.serversNotRead > 0 ? " (\(facts.serversNotRead) more not checked: at most \(VolumeFacts.serverCap) are read)" : ""
        return .passed("Nova lists the volume on each of its \(facts.servers.count) server(s)\(capped).")
    }
}
