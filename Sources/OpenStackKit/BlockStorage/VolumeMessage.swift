import Foundation

/// A Cinder user message (`GET /v3/{project_id}/messages`, 3.3+): what Cinder tells a user
/// about a request that failed, such as a volume no backend could take. Filters and paging from 3.5.
///
/// Cinder stores `expires_at` and shows it as `guaranteed_until`.
public struct VolumeMessage: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("messages"), collectionKey: "messages", singularKey: "message",
        filters: [
            .string("resource_uuid"),
            .enumeration("resource_type", ["VOLUME", "VOLUME_SNAPSHOT", "VOLUME_BACKUP"], .uppercased),
            .string("event_id"),
            .enumeration("message_level", ["ERROR"], .uppercased),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let resourceType: String?
    public let resourceUUID: String?
    public let eventID: String?
    public let messageLevel: String?
    public let userMessage: String?
    public let requestID: String?
    public let createdAt: String?
    public let guaranteedUntil: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "VolumeMessage")
        resourceType = json.text("resource_type")
        resourceUUID = json.text("resource_uuid")
        eventID = json.text("event_id")
        messageLevel = json.text("message_level")
        userMessage = json.text("user_message")
        requestID = json.text("request_id")
        createdAt = json.text("created_at")
        guaranteedUntil = json.text("guaranteed_until")
    }
}
