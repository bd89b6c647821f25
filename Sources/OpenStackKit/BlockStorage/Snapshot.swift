import Foundation

/// A Cinder volume snapshot (`GET /snapshots/detail`, `/snapshots/{id}`).
public struct Snapshot: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("snapshots"), listPath: ResourcePath("snapshots", "detail"),
        collectionKey: "snapshots", singularKey: "snapshot",
        filters: [
            .enumeration(
                "status",
                ["available", "creating", "deleting", "error", "error_deleting", "restoring", "unmanaging", "backing-up"],
                .canonical),
            .string("volume_id"),
        ],
        // Cinder widens to every project with all_tenants=1 (admin).
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let status: String?
    public let size: Int?
    public let volumeID: String?
    /// Only admins and the owner see it (`os-extended-snapshot-attributes:project_id`).
    public let projectID: String?
    public let userID: String?
    /// e.g. `100%` (`os-extended-snapshot-attributes:progress`).
    public let progress: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let metadata: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Snapshot")
        name = json.text("name")
        description = json.text("description")
        status = json.text("status")
        size = json["size"]?.intValue
        volumeID = json.text("volume_id")
        projectID = json.text("os-extended-snapshot-attributes:project_id")
        userID = json.text("user_id")
        progress = json.text("os-extended-snapshot-attributes:progress")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        metadata = json["metadata"].map(JSONValue.stringMap) ?? [:]
    }
}

extension JSONValue {
    /// An object of scalars as `[String: String]` (metadata, extra specs); anything else is empty.
    static func stringMap(_ value: JSONValue) -> [String: String] {
        (value.objectValue ?? [:]).compactMapValues(\.stringValue)
    }
}
