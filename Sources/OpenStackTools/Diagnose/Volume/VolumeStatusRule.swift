import OpenStackKit

/// A volume in `error*` is a symptom: the finding carries Cinder's user messages, and a specific
/// cause found by another rule (a missing backend) sorts before it.
struct VolumeStatusRule: DiagnosisRule {
    let check = "volume_status"

    func evaluate(_ facts: VolumeFacts) -> RuleOutcome {
        let volume = facts.volume
        let status = volume.status ?? "unknown"
        guard facts.isInError else { return .passed("The volume is \(status).") }
        var evidence = [Evidence("volume", id: volume.id, name: volume.name, field: "status", value: .string(status))]
        let messages = facts.messages.value ?? []
        evidence += messages.map { message in
            Evidence("message", id: message.id, name: message.eventID, field: "user_message", value: .string(message.userMessage ?? ""))
        }
        let why = messages.first?.userMessage.map { " Cinder says: \($0)" } ?? ""
        return .found([
            Finding(
                severity: .error, code: "volume_error",
                summary: "Volume \(volume.name ?? volume.id) is in status \(status).\(why)", evidence: evidence,
                nextStep: "Read Cinder's messages about it: openstack volume message list --os-volume-api-version 3.3 (resource \(volume.id)).",
                isSymptom: true),
        ])
    }
}
