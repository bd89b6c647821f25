import Foundation
import OpenStackKit

/// The server's status, task state and power state, and its fault.
struct ServerStateRule: DiagnosisRule {
    let check = "server_state"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        let server = facts.server
        let name = facts.name ?? facts.id
        let task = server["OS-EXT-STS:task_state"]?.stringValue
        switch facts.status {
        case "ERROR":
            var evidence = [facts.evidence("status", "ERROR")]
            if let fault = server["fault"] {
                evidence.append(facts.evidence("fault.message", fault["message"] ?? .null))
                if let code = fault["code"] { evidence.append(facts.evidence("fault.code", code)) }
            }
            // Nova's messages end with their own period.
            let reason = facts.faultMessage.map { ": " + $0.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) } ?? ", with no fault recorded"
            return .found([Finding(
                severity: .error, code: "server_error", summary: "Server \(name) is in ERROR\(reason).",
                evidence: evidence, nextStep: "See the failed action's events: openstack server event list \(facts.id)",
                isSymptom: true)])
        case "SHUTOFF":
            return .found([Finding(
                severity: .info, code: "server_shut_off", summary: "Server \(name) is SHUTOFF (powered off), so it answers nothing.",
                evidence: [facts.evidence("status", "SHUTOFF"), facts.evidence("OS-EXT-STS:power_state", server["OS-EXT-STS:power_state"] ?? .null)],
                nextStep: "Who stopped it and when: openstack server event list \(facts.id)")])
        case "ACTIVE" where task == nil:
            return .passed("Server \(name) is ACTIVE with no task in progress.")
        default:
            var evidence = [facts.evidence("status", .string(facts.status))]
            if let task { evidence.append(facts.evidence("OS-EXT-STS:task_state", .string(task))) }
            let doing = task.map { ", task \($0) in progress" } ?? ""
            return .found([Finding(
                severity: task == nil ? .warning : .info, code: task == nil ? "server_not_active" : "task_in_progress",
                summary: "Server \(name) is \(facts.status)\(doing).", evidence: evidence,
                nextStep: "Watch its state: openstack server show \(facts.id) -c status -c OS-EXT-STS:task_state")])
        }
    }
}
