import Foundation
import OpenStackKit

/// `get_alarm_history`: one Aodh alarm's history, newest first: its state transitions with their
/// reasons, rule changes and creation.
enum GetAlarmHistory {
    static var definition: ToolDefinition {
        ListTool<AlarmChange>(
            name: "get_alarm_history", title: "Show an alarm's history",
            description: "An Aodh alarm's history: state transitions with reasons, rule changes, creation.",
            noun: "change",
            extraProperties: ["alarm": Schema.string("Alarm ID or name")], required: ["alarm"],
            request: { _ in
                ListRequest(
                    service: .alarming, path: "/alarms", collectionKey: "history", query: [], supportsPaging: false,
                    markerField: "event_id", extractItems: { $0.arrayValue ?? [] })
            },
            searchFields: { [$0.type, $0.newState, $0.reason] },
            basic: { change, _ in
                .compact([
                    ("timestamp", change.timestamp.json), ("type", change.type.json), ("state", change.newState.json),
                    ("reason", change.reason.json),
                ])
            },
            detailed: { change, _ in
                .compact([("event_id", .string(change.eventID)), ("detail", change.detail), ("user_id", change.userID.json)])
            },
            prepare: { cloud, arguments, request in
                guard let key = try arguments.string("alarm") else {
                    throw ToolArgumentError(argument: "alarm", problem: "required: the alarm's ID or name (get_alarms)")
                }
                var request = request
                request.path = AlarmChange.path(alarm: try await alarmID(key, cloud: cloud))
                return request
            },
            parentMissing: { arguments in
                ("no alarm '\((try? arguments.string("alarm")) ?? "")'", "list the alarms with get_alarms and pass an ID or name from it")
            }
        ).definition
    }

    /// The alarm's ID: a UUID as given, else the one alarm with that name.
    static func alarmID(_ key: String, cloud: OpenStackCloud) async throws -> String {
        if UUID(uuidString: key) != nil { return key }
        let response = try await cloud.get(.alarming, path: "/alarms", query: GetAlarms.query([("name", key)]))
        let ids = (response.json.arrayValue ?? []).compactMap { $0.text("alarm_id") }
        guard ids.count == 1 else {
            throw ToolArgumentError(
                argument: "alarm",
                problem: ids.isEmpty ? "no alarm is named '\(key)'; get_alarms lists them" : "\(ids.count) alarms are named '\(key)'; pass one ID: \(ids.joined(separator: ", "))")
        }
        return ids[0]
    }
}
