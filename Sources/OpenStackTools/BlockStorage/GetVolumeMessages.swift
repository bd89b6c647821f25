import Foundation
import OpenStackKit

/// `get_volume_messages`: Cinder's user messages, the reason it gives for a failed request
/// (a volume no backend could take, an attach that failed). Cinder 3.3+.
enum GetVolumeMessages {
    static var definition: ToolDefinition {
        var properties = Schema.filters(of: VolumeMessage.declaration)
        properties["volume"] = Schema.string("Volume ID or name")
        return ListTool<VolumeMessage>(
            name: "get_volume_messages", title: "List Cinder user messages",
            description:
                "Cinder user messages, newest first: why a volume request failed (needs 3.3).",
            noun: "message",
            extraProperties: properties,
            request: VolumeMessage.declaration.request,
            searchFields: { [$0.userMessage, $0.eventID, $0.resourceUUID] },
            basic: { message, _ in
                .compact([
                    ("id", .string(message.id)), ("resource_type", message.resourceType.json),
                    ("resource_uuid", message.resourceUUID.json), ("event_id", message.eventID.json),
                    ("message_level", message.messageLevel.json), ("user_message", message.userMessage.json),
                    ("created_at", message.createdAt.json),
                ])
            },
            detailed: { message, _ in
                .compact([("guaranteed_until", message.guaranteedUntil.json), ("request_id", message.requestID.json)])
            },
            prepare: { cloud, arguments, request in
                var request = request
                let endpoint = try await cloud.endpoint(.blockStorage)
                let filtered = try !request.query.isEmpty || arguments.string("volume") != nil
                for (minor, what) in [(3, "user messages"), (5, "filtering user messages")] where !endpoint.supports(3, minor) && (minor == 3 || filtered) {
                    throw OpenStackError(
                        kind: .http, service: ServiceType.blockStorage.projectName, method: "GET", url: "/messages",
                        message: "\(what) needs block-storage microversion 3.\(minor); this cloud offers \(endpoint.microversion.map { "\($0)" } ?? "no microversions")",
                        nextStep: minor == 3
                            ? "this Cinder has no user messages: read the volume's status with get_volume and the cinder-volume log"
                            : "leave out the filters, or ask the operators to upgrade Cinder")
                }
                // Paging (limit, marker, next links) came with 3.5.
                if !endpoint.supports(3, 5) { request.supportsPaging = false }
                if let volume = try arguments.string("volume") {
                    request.query.removeAll { $0.name == "resource_uuid" }
                    request.query.append(URLQueryItem(name: "resource_uuid", value: try await volumeID(volume, cloud: cloud)))
                }
                return request
            }
        ).definition
    }

    /// The ID as given, or the ID of the volume with that name.
    static func volumeID(_ key: String, cloud: OpenStackCloud) async throws -> String {
        if UUID(uuidString: key) != nil { return key.lowercased() }
        return try await finder.find(key, cloud: cloud, tryID: false).id
    }

    private static let finder = ShowTool<Volume>(
        name: "get_volume", title: "", description: "", noun: "volume", nameOf: { $0.name },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
