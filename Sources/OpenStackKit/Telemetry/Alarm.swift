import Foundation

/// An Aodh alarm (`GET /v2/alarms`, a bare array; filters go in Aodh's `q.field`/`q.op`/`q.value`).
public struct Alarm: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .alarming, path: ResourcePath("alarms"), collectionKey: "alarms", singularKey: nil,
        paging: .markerWithoutLinks, markerField: "alarm_id", nameFilter: nil, extractItems: { $0.arrayValue ?? [] })

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String?
    /// `ok`, `alarm` or `insufficient data`.
    public let state: String?
    public let severity: String?
    public let enabled: Bool?
    public let stateReason: String?
    public let stateTimestamp: String?
    public let projectID: String?
    /// The `<type>_rule` object (`gnocchi_resources_threshold_rule`, `composite_rule`, ...).
    public let rule: JSONValue?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("alarm_id", in: "Alarm")
        name = json.text("name")
        type = json.text("type")
        state = json.text("state")
        severity = json.text("severity")
        enabled = json["enabled"]?.boolValue
        stateReason = json.text("state_reason")
        stateTimestamp = json.text("state_timestamp")
        projectID = json.text("project_id")
        rule = type.flatMap { json[$0 + "_rule"] } ?? json["rule"]
    }

    /// The rule in one line: `mean(cpu) > 80.0 over 3×300s on instance 5f2e…`.
    public var ruleSummary: String? {
        guard let rule, rule.objectValue != nil else { return nil }
        if let threshold = rule["threshold"]?.doubleValue {
            let operators = ["gt": ">", "ge": ">=", "lt": "<", "le": "<=", "eq": "==", "ne": "!="]
            let op = rule.text("comparison_operator").map { operators[$0] ?? $0 } ?? "?"
            let metric = rule.text("metric") ?? rule["metrics"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? rule.text("meter_name") ?? "?"
            var text = "\(rule.text("aggregation_method") ?? rule.text("statistic") ?? "value")(\(metric)) \(op) \(threshold)"
            if let periods = rule["evaluation_periods"]?.intValue, let granularity = rule["granularity"]?.intValue ?? rule["period"]?.intValue {
                text += " over \(periods)×\(granularity)s"
            }
            if let resource = rule.text("resource_id") { text += " on \(rule.text("resource_type") ?? "resource") \(resource)" }
            return text
        }
        if let event = rule.text("event_type") { return "event \(event)" }
        return nil
    }
}

/// One entry of an alarm's history (`GET /v2/alarms/{id}/history`): a state transition, a rule
/// change or the creation; `detail` is a JSON text.
public struct AlarmChange: OpenStackResource {
    public static let collectionKey = "history"
    public static let singularKey: String? = nil

    public let raw: JSONValue
    public let eventID: String
    public let type: String?
    public let timestamp: String?
    public let detail: JSONValue?
    public let userID: String?

    public init(json: JSONValue) throws {
        raw = json
        eventID = try json.required("event_id", in: "AlarmChange")
        type = json.text("type")
        timestamp = json.text("timestamp")
        userID = json.text("user_id")
        let text = json.text("detail")
        detail = text.flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? text.map(JSONValue.string)
    }

    /// The new state of a state transition.
    public var newState: String? { type == "state transition" ? detail?.text("state") : nil }
    public var reason: String? { detail?.text("transition_reason") ?? detail?.text("state_reason") }

    /// The history of one alarm, its ID encoded as one segment.
    public static func path(alarm: String) -> String { ResourcePath("alarms").appending(alarm).appending(literal: "history").description }
}
