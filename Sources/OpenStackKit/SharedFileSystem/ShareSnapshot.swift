import Foundation

/// A snapshot of a Manila share (`GET /v2/snapshots/detail`).
public struct ShareSnapshot: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("snapshots"), listPath: ResourcePath("snapshots", "detail"),
        collectionKey: "snapshots", singularKey: "snapshot", paging: .offset,
        filters: [.string("share_id"), .string("status")],
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let shareID: String?
    public let status: String?
    public let size: Int?
    public let shareSize: Int?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareSnapshot")
        name = json.text("name")
        shareID = json.text("share_id")
        status = json.text("status")
        size = json["size"]?.intValue
        shareSize = json["share_size"]?.intValue
        createdAt = json.text("created_at")
    }
}
