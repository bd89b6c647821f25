import Foundation

/// A migration of a server between compute hosts (`GET /os-migrations`, admin): live and cold
/// migrations, resizes and evacuations.
///
/// `migration_type` appears from 2.23, `uuid` and paging (`migrations_links`, marker = uuid)
/// from 2.59, `user_id` and `project_id` from 2.80.
public struct Migration: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-migrations"), collectionKey: "migrations", singularKey: nil,
        markerField: "uuid",
        filters: [
            .string("host", "Source or destination"), .string("status"),
            .enumeration("migration_type", ["live-migration", "migration", "resize", "evacuation"]),
            .string("server", upstream: "instance_uuid", "Server ID or name"),
            ResourceFilter("changes_since", upstream: "changes-since", kind: .dateTime, "ISO 8601"),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let uuid: String?
    public let instanceUUID: String?
    public let sourceCompute: String?
    public let destCompute: String?
    public let status: String?
    public let migrationType: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let projectID: String?
    public let userID: String?

    public init(json: JSONValue) throws {
        raw = json
        guard let id = json["id"]?.stringValue else { throw ModelError.missing(field: "id", in: "Migration") }
        self.id = id
        uuid = json.text("uuid")
        instanceUUID = json.text("instance_uuid")
        sourceCompute = json.text("source_compute")
        destCompute = json.text("dest_compute")
        status = json.text("status")
        migrationType = json.text("migration_type")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        projectID = json.text("project_id")
        userID = json.text("user_id")
    }
}
