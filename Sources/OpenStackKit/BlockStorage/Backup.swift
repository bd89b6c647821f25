import Foundation

/// A Cinder volume backup (`GET /backups/detail`, `/backups/{id}`).
public struct Backup: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("backups"), listPath: ResourcePath("backups", "detail"),
        collectionKey: "backups", singularKey: "backup",
        filters: [
            .enumeration(
                "status", ["available", "creating", "deleting", "error", "error_deleting", "restoring"], .canonical),
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
    public let snapshotID: String?
    /// From 3.18 (`os-backup-project-attr:project_id`).
    public let projectID: String?
    /// From 3.56.
    public let userID: String?
    public let availabilityZone: String?
    public let container: String?
    public let isIncremental: Bool?
    public let hasDependentBackups: Bool?
    public let failReason: String?
    public let objectCount: Int?
    public let createdAt: String?
    public let updatedAt: String?
    /// When the data was captured (the snapshot's time for a backup of a snapshot).
    public let dataTimestamp: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Backup")
        name = json.text("name")
        description = json.text("description")
        status = json.text("status")
        size = json["size"]?.intValue
        volumeID = json.text("volume_id")
        snapshotID = json.text("snapshot_id")
        projectID = json.text("os-backup-project-attr:project_id")
        userID = json.text("user_id")
        availabilityZone = json.text("availability_zone")
        container = json.text("container")
        isIncremental = json["is_incremental"]?.boolValue
        hasDependentBackups = json["has_dependent_backups"]?.boolValue
        failReason = json.text("fail_reason")
        objectCount = json["object_count"]?.intValue
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        dataTimestamp = json.text("data_timestamp")
    }
}
