import OpenStackKit

/// The server's recent failed actions and the events that failed in them.
struct FailedActionsRule: DiagnosisRule {
    let check = "failed_actions"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let actions = facts.failedActions.value else { return .unknown(facts.failedActions.reason ?? "") }
        guard !actions.isEmpty else { return .passed("No action on the server failed.") }
        let findings = actions.map { action -> Finding in
            let verb = action["action"]?.stringValue ?? "action"
            let failedEvents = (action["events"]?.arrayValue ?? []).filter { $0["result"]?.stringValue?.lowercased() == "error" }
            var evidence = [Evidence(
                "instance_action", id: action["request_id"]?.stringValue, name: verb, field: "message",
                value: action["message"] ?? .null)]
            evidence += failedEvents.map { event in
                Evidence("instance_action_event", id: action["request_id"]?.stringValue, name: event["event"]?.stringValue,
                         field: "result", value: event["result"] ?? .null)
            }
            let where_ = failedEvents.first?["event"]?.stringValue.map { " in \($0)" } ?? ""
            let when = action["start_time"]?.stringValue.map { " (started \($0))" } ?? ""
            return Finding(
                severity: facts.status == "ERROR" ? .error : .warning, code: "failed_action",
                summary: "The \(verb) action failed\(where_)\(when).", evidence: evidence,
                nextStep: "openstack server event show \(facts.id) \(action["request_id"]?.stringValue ?? "<request-id>")",
                isSymptom: true)
        }
        return .found(findings)
    }
}
