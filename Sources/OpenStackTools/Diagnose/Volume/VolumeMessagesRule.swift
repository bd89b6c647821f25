import OpenStackKit

/// Cinder's user messages about a volume that is not in error: a failed extend, attach or
/// snapshot leaves the volume usable but says why the operation did not happen. For a volume in
/// error the messages are evidence of `volume_error` instead.
struct VolumeMessagesRule: DiagnosisRule {
    let check = "volume_messages"

    func evaluate(_ facts: VolumeFacts) -> RuleOutcome {
        switch facts.messages {
        case .unknown(let reason): return .unknown(reason)
        case .known(let messages):
            if messages.isEmpty { return .passed("Cinder has no user messages about this volume.") }
            if facts.isInError { return .notApplicable }
            let volume = facts.volume
            return .found([
                Finding(
                    severity: .warning, code: "volume_error_message",
                    summary: "Cinder reports a failed operation on volume \(volume.name ?? volume.id): \(messages[0].userMessage ?? messages[0].eventID ?? "")",
                    evidence: messages.map { message in
                        Evidence("message", id: message.id, name: message.eventID, field: "user_message", value: .string(message.userMessage ?? ""))
                    },
                    nextStep: "openstack volume message show \(messages[0].id) --os-volume-api-version 3.3 shows the event and when it happened."),
            ])
        }
    }
}
