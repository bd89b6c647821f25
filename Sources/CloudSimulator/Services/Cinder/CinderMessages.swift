import Foundation

/// User messages (`/v3/{project_id}/messages`, 3.3+): what Cinder tells a user about a failed
/// request. Filters and paging from 3.5; a project sees its own messages, an admin everyone's.
extension CinderAPI {
    /// The filters Cinder's `resource_filters.json` allows on messages.
    private static let messageFilters = ["resource_uuid", "resource_type", "event_id", "request_id", "message_level"]

    func listMessages(_ call: CinderCall) -> Reply {
        let request = call.request
        // Below 3.3 the API does not exist: Cinder answers as for an unknown path.
        guard call.version >= APIVersion(3, 3) else { return error(404, "The resource could not be found.", request) }
        var messages = visibleMessages(request)
        if call.version >= APIVersion(3, 5) {
            let paging: Set<String> = ["limit", "marker", "offset", "sort", "sort_key", "sort_dir"]
            let unknown = Set(request.query.items.map(\.name)).filter { !paging.contains($0) && !Self.messageFilters.contains($0) }
            if !request.isAdmin, !unknown.isEmpty {
                return error(400, "Invalid filters \(unknown.sorted().joined(separator: ", ")) are provided.", request)
            }
            for name in Self.messageFilters {
                guard let value = request.query.first(name) else { continue }
                messages = messages.filter { field(name, of: $0) == value }
            }
            return page(call, collection: "messages", items: messages, id: \.id, keep: { _ in true }) { renderMessage($0, call) }
        }
        return .json(["messages": .array(messages.map { renderMessage($0, call) })])
    }

    func showMessage(_ call: CinderCall, id: String) -> Reply {
        guard call.version >= APIVersion(3, 3) else { return error(404, "The resource could not be found.", call.request) }
        guard let message = visibleMessages(call.request).first(where: { $0.id == id }) else {
            return error(404, "Message \(id) could not be found.", call.request)
        }
        return .json(["message": renderMessage(message, call)])
    }

    private func visibleMessages(_ request: IncomingRequest) -> [DemoVolumeMessage] {
        let all = environment.data.volumeMessages
        return request.isAdmin ? all : all.filter { $0.projectID == request.projectID }
    }

    private func field(_ name: String, of message: DemoVolumeMessage) -> String {
        switch name {
        case "resource_uuid": return message.resourceUUID
        case "resource_type": return message.resourceType
        case "event_id": return message.eventID
        case "request_id": return message.requestID
        default: return message.messageLevel
        }
    }

    private func renderMessage(_ message: DemoVolumeMessage, _ call: CinderCall) -> JSON {
        let base = call.request.baseURL
        return [
            "created_at": .string(Timestamp.format(message.createdAt, .microseconds)),
            "event_id": .string(message.eventID),
            "guaranteed_until": .string(Timestamp.format(message.expiresAt, .microseconds)),
            "id": .string(message.id),
            "links": [
                ["href": .string("\(base)/volume/v3/\(call.projectSegment)/messages/\(message.id)"), "rel": "self"],
                ["href": .string("\(base)/volume/\(call.projectSegment)/messages/\(message.id)"), "rel": "bookmark"],
            ],
            "message_level": .string(message.messageLevel), "request_id": .string(message.requestID),
            "resource_type": .string(message.resourceType), "resource_uuid": .string(message.resourceUUID),
            "user_message": .string(message.userMessage),
        ]
    }
}
