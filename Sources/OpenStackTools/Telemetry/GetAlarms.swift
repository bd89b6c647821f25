import Foundation
import OpenStackKit

/// `get_alarms`: Aodh alarms with their state, why they are in it, and their rule in short.
enum GetAlarms {
    static let states = ["ok", "alarm", "insufficient data"]

    static var definition: ToolDefinition {
        ListTool<Alarm>(
            name: "get_alarms", title: "List alarms",
            description: "List Aodh alarms: state and its reason, type, severity, enabled, the rule in short.",
            noun: "alarm",
            extraProperties: [
                "state": Schema.enumeration(states, "alarm: the firing ones"),
                "severity": Schema.enumeration(["low", "moderate", "critical"], ""),
                "type": Schema.string("e.g. gnocchi_resources_threshold, event, composite"),
            ],
            searchFields: { [$0.name, $0.type, $0.stateReason] },
            basic: { alarm, _ in
                .compact([
                    ("id", .string(alarm.id)), ("name", alarm.name.json), ("state", alarm.state.json),
                    ("severity", alarm.severity.json), ("enabled", alarm.enabled.json), ("type", alarm.type.json),
                    ("rule", alarm.ruleSummary.json), ("state_reason", alarm.stateReason.json),
                ])
            },
            detailed: { alarm, _ in
                .compact([
                    ("state_timestamp", alarm.stateTimestamp.json), ("project_id", alarm.projectID.json),
                    ("rule_detail", alarm.rule), ("description", alarm.raw["description"]),
                    ("repeat_actions", alarm.raw["repeat_actions"]), ("alarm_actions", alarm.raw["alarm_actions"]),
                ])
            },
            prepare: { _, arguments, request in
                var request = request
                let state = try arguments.string("state").map { _ in try arguments.choice("state", allowed: states, default: "") }
                let severity = try arguments.string("severity")
                let type = try arguments.string("type")
                request.query += query([("state", state), ("severity", severity), ("type", type)])
                return request
            }
        ).definition
    }

    /// Aodh's query: one `q.field`, `q.op`, `q.value` triple per equality.
    static func query(_ pairs: [(String, String?)]) -> [URLQueryItem] {
        pairs.flatMap { field, value -> [URLQueryItem] in
            guard let value else { return [] }
            return [
                URLQueryItem(name: "q.field", value: field), URLQueryItem(name: "q.op", value: "eq"),
                URLQueryItem(name: "q.value", value: value),
            ]
        }
    }
}
