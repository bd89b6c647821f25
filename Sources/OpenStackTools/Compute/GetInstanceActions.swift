import Foundation
import OpenStackKit

/// `get_instance_actions`: what happened to a server (create, stop, resize, migrate, ...) and,
/// from `detailed`, the events of each action.
enum GetInstanceActions {
    /// Actions whose events are read at the same time.
    static let concurrency = 8

    static var definition: ToolDefinition {
        ListTool<InstanceAction>(
            name: "get_instance_actions", title: "List a server's actions and events",
            description:
                "A server's action history (create, stop, resize, migrate, ...), newest first, with who, when and failures; detailed adds each action's events.",
            noun: "action",
            extraProperties: [
                "server": Schema.string("Server ID or name"),
                "changes_since": Schema.string("Only actions updated at or after this ISO 8601 time."),
                "changes_before": Schema.string("Only actions updated at or before this ISO 8601 time."),
            ],
            required: ["server"],
            request: { arguments in
                guard let server = try arguments.string("server") else {
                    throw ToolArgumentError(argument: "server", problem: "required: the server's ID or exact name")
                }
                var query: [URLQueryItem] = []
                for (argument, parameter) in [("changes_since", "changes-since"), ("changes_before", "changes-before")] {
                    if let date = try arguments.date(argument) {
                        query.append(URLQueryItem(name: parameter, value: ISODate.format(date)))
                    }
                }
                // The next link is a bare top-level `links`; the marker is the request ID.
                return ListRequest(
                    service: .compute, path: path(server: server), collectionKey: "instanceActions", query: query,
                    markerField: "request_id")
            },
            searchFields: { [$0.action, $0.message, $0.requestID] },
            lookups: { cloud, actions in await events(cloud: cloud, actions: actions) },
            basic: { action, _ in
                .compact([
                    ("request_id", .string(action.requestID)), ("server_id", action.instanceUUID.json),
                    ("action", .string(action.action)), ("start_time", action.startTime.json),
                ])
            },
            detailed: { action, found in
                .compact([
                    ("message", action.message.json), ("project_id", action.projectID.json),
                    ("user_id", action.userID.json), ("updated_at", action.updatedAt.json),
                    ("events", found.values["events"]?[action.requestID].flatMap { try? InstanceAction(json: $0) }.map(eventColumns)),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                let server = try await GetInstance.serverID(try arguments.string("server")!, cloud: cloud)
                request.path = path(server: server)
                return request
            },
            lookupLevels: [.detailed, .full],
            full: { action, found in found.values["events"]?[action.requestID] ?? action.raw }
        ).definition
    }

    static func path(server: String) -> String {
        "/servers/\(PathSegment.encode(server))/os-instance-actions"
    }

    static func eventColumns(_ action: InstanceAction) -> JSONValue {
        .array((action.events ?? []).map { event in
            .object(.compact([
                ("event", .string(event.event)), ("result", event.result.json), ("start_time", event.startTime.json),
                ("finish_time", event.finishTime.json), ("host", event.host.json), ("details", event.details.json),
            ]))
        })
    }

    /// Each action's record with its events. Nova lists actions without events and has no batch
    /// read for them, so this reads one record per action on the page, `concurrency` at a time.
    static func events(cloud: OpenStackCloud, actions: [InstanceAction]) async -> Lookups {
        guard let server = actions.first?.instanceUUID else { return Lookups() }
        let records = await BoundedConcurrency.map(actions.map(\.requestID), limit: concurrency) { requestID in
            let answer = try await cloud.get(.compute, path: path(server: server) + "/" + PathSegment.encode(requestID))
            return answer.json["instanceAction"] ?? .null
        }
        return Lookups(values: ["events": records.filter { $0.value != .null }])
    }
}
