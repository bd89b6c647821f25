import Foundation

/// A Cinder volume (`GET /volumes/detail`).
public struct Volume: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("volumes"), listPath: ResourcePath("volumes", "detail"),
        collectionKey: "volumes", singularKey: "volume",
        filters: [
            .string("status", transform: .lowercased, "e.g. available, in-use, error"), .bool("bootable"),
        ],
        // Cinder widens to every project with all_tenants=1 (admin).
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    /// Where a volume is attached.
    public struct Attachment: Sendable, Hashable {
        public var serverID: String?
        public var device: String?
        public var hostName: String?
        public var attachmentID: String?
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let status: String?
    public let size: Int?
    public let volumeType: String?
    /// Cinder sends the string "true"/"false"; this is the boolean.
    public let bootable: Bool
    public let encrypted: Bool?
    public let multiattach: Bool?
    public let availabilityZone: String?
    public let host: String?
    public let projectID: String?
    public let createdAt: String?
    public let attachments: [Attachment]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Volume")
        name = json.text("name")
        status = json.text("status")
        size = json["size"]?.intValue
        volumeType = json.text("volume_type")
        bootable = json["bootable"]?.boolValue ?? false
        encrypted = json["encrypted"]?.boolValue
        multiattach = json["multiattach"]?.boolValue
        availabilityZone = json.text("availability_zone")
        host = json.text("os-vol-host-attr:host")
        projectID = json.text("os-vol-tenant-attr:tenant_id")
        createdAt = json.text("created_at")
        attachments = (json["attachments"]?.arrayValue ?? []).map {
            Attachment(
                serverID: $0.text("server_id"), device: $0.text("device"), hostName: $0.text("host_name"),
                attachmentID: $0.text("attachment_id"))
        }
    }
}
