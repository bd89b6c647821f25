import Foundation

/// A Cinder generic volume group (`GET /groups/detail`, microversion 3.13+): volumes of one or
/// more types handled together (consistent snapshots, replication).
public struct VolumeGroup: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("groups"), listPath: ResourcePath("groups", "detail"),
        collectionKey: "groups", singularKey: "group",
        // The member volumes' IDs come only when asked for (3.25+; an older Cinder ignores it).
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")], fixedQuery: [URLQueryItem(name: "list_volume", value: "True")])

    /// The first microversion that has groups.
    public static let microversion = (3, 13)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let status: String?
    public let availabilityZone: String?
    public let groupTypeID: String?
    public let volumeTypeIDs: [String]
    public let volumeIDs: [String]?
    public let projectID: String?
    public let createdAt: String?
    /// From 3.38 (`replication_status`).
    public let replicationStatus: String?
    public let groupSnapshotID: String?
    public let sourceGroupID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "VolumeGroup")
        name = json.text("name")
        description = json.text("description")
        status = json.text("status")
        availabilityZone = json.text("availability_zone")
        groupTypeID = json.text("group_type")
        volumeTypeIDs = json["volume_types"]?.arrayValue?.compactMap(\.stringValue) ?? []
        volumeIDs = json["volumes"]?.arrayValue?.compactMap(\.stringValue)
        projectID = json.text("project_id")
        createdAt = json.text("created_at")
        replicationStatus = json.text("replication_status")
        groupSnapshotID = json.text("group_snapshot_id")
        sourceGroupID = json.text("source_group_id")
    }
}
