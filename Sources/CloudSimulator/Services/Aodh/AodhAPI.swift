import Foundation

/// Aodh (Alarming v2) under `/alarming`: alarms with `q.field`/`q.op`/`q.value` queries and
/// `limit`/`marker` paging, one alarm, and an alarm's history, newest first.
struct AodhAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "alarming"
    let data: TelemetryData

    init(environment: ServiceEnvironment) {
        self.environment = environment
        self.data = TelemetryData(environment.data)
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["error_message": ["faultstring": .string(message), "faultcode": .string(status < 500 ? "Client" : "Server"), "debuginfo": nil]]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty }

    /// Aodh's version list carries no request id (its v2 answers do).
    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        if request.segments.count == 1 { reply.removeHeaders(named: "x-openstack-request-id") }
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty {
            return .json(["versions": ["values": [["id": "v2", "status": "stable", "updated": "2013-02-13T00:00:00Z",
                "links": [["href": .string(request.baseURL + "/alarming/v2"), "rel": "self"],
                          ["href": "https://docs.openstack.org/", "rel": "describedby", "type": "text/html"]],
                "media-types": [["base": "application/json", "type": "application/vnd.openstack.telemetry-v2+json"],
                                ["base": "application/xml", "type": "application/vnd.openstack.telemetry-v2+xml"]]]]]])
        }
        guard path.count >= 2, path[0] == "v2", path[1] == "alarms" else { return error(404, "The resource could not be found.", request) }
        let visible = data.alarms.filter { request.isAdmin || $0.projectID == request.projectID }
        switch path.count {
        case 2: return list(visible, request)
        case 3, 4:
            guard let alarm = visible.first(where: { $0.id == path[2] }) else { return error(404, "Alarm \(path[2]) not found", request) }
            if path.count == 3 { return .json(render(alarm)) }
            guard path[3] == "history" else { return error(404, "The resource could not be found.", request) }
            return .json(.array(alarm.history.map { entry in
                [
                    "event_id": .string(entry.id), "alarm_id": .string(alarm.id), "type": .string(entry.type),
                    "detail": .string(JSONWriter.string(entry.detail)), "timestamp": .string(Timestamp.format(entry.time, .microseconds)),
                    "user_id": .string(alarm.userID), "project_id": .string(alarm.projectID), "on_behalf_of": .string(alarm.projectID),
                ]
            }))
        default: return error(404, "The resource could not be found.", request)
        }
    }

    private func list(_ alarms: [TelemetryData.Alarm], _ request: IncomingRequest) -> Reply {
        let fields = request.query.all("q.field"), ops = request.query.all("q.op"), values = request.query.all("q.value")
        guard fields.count == values.count, ops.isEmpty || ops.count == fields.count else {
            return error(400, "Invalid input for field/attribute q. Each query needs a field and a value", request)
        }
        var items = alarms
        for (index, field) in fields.enumerated() {
            let op = ops.isEmpty ? "eq" : ops[index]
            guard op == "eq" else { return error(400, "Invalid input for field/attribute op. Value: '\(op)'. unimplemented operator for \(field)", request) }
            let value = values[index]
            switch field {
            case "state": items = items.filter { $0.state == value }
            case "severity": items = items.filter { $0.severity == value }
            case "type": items = items.filter { $0.type == value }
            case "name": items = items.filter { $0.name == value }
            case "alarm_id": items = items.filter { $0.id == value }
            case "enabled": items = items.filter { String($0.enabled) == value.lowercased() }
            case "project_id": items = items.filter { $0.projectID == value }
            default: return error(400, "Unknown argument: \"\(field)\": unrecognized field in query", request)
            }
        }
        switch SimplePaging.page(items, key: \.id, request: request) {
        case .page(let page, _): return .json(.array(page.map(render)))
        case .unknownMarker: return error(400, "Invalid input for field/attribute marker. Value: '\(request.query.first("marker") ?? "")'.", request)
        case .badLimit(let text): return error(400, "Invalid input for field/attribute limit. Value: '\(text)'.", request)
        }
    }

    private func render(_ alarm: TelemetryData.Alarm) -> JSON {
        [
            "alarm_id": .string(alarm.id), "name": .string(alarm.name), "description": .string("Demo alarm \(alarm.name)"),
            "type": .string(alarm.type), "state": .string(alarm.state), "severity": .string(alarm.severity),
            "enabled": .bool(alarm.enabled), "state_reason": .string(alarm.reason),
            "state_timestamp": .string(Timestamp.format(alarm.stateTime, .microseconds)),
            "timestamp": .string(Timestamp.format(alarm.stateTime, .microseconds)),
            "project_id": .string(alarm.projectID), "user_id": .string(alarm.userID),
            "repeat_actions": false, "alarm_actions": .strings(["log://"]), "ok_actions": [], "insufficient_data_actions": [],
            "time_constraints": [], "evaluate_timestamp": .string(Timestamp.format(DemoDataGenerator.referenceDate, .seconds)),
            "\(alarm.type)_rule": alarm.rule,
        ]
    }
}
