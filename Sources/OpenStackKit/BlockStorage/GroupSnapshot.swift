import Foundation

/// A snapshot of a Cinder volume group (`GET /group_snapshots/detail`, microversion 3.14+).
public struct GroupSnapshot: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("group_snapshots"), listPath: ResourcePath("group_snapshots", "detail"),
        collectionKey: "group_snapshots", singularKey: "group_snapshot",
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    /// The first microversion that has group snapshots.
    public static let microversion = (3, 14)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let status: String?
    public let groupID: String?
    /// From 3.29.
    public let groupTypeID: String?
    public let projectID: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "GroupSnapshot")
        name = json.text("name")
        description = json.text("description")
        status = json.text("status")
        groupID = json.text("group_id")
        groupTypeID = json.text("group_type_id")
        projectID = json.text("project_id")
        createdAt = json.text("created_at")
    }
}
