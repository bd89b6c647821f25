import Foundation

/// An offer to move a zone to another project (`GET /v2/zones/tasks/transfer_requests`): the
/// caller's outgoing offers and those made to its project. The `key` accepts the offer, so it is a
/// secret.
public struct ZoneTransferRequest: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .dns, path: ResourcePath("zones", "tasks", "transfer_requests"), collectionKey: "transfer_requests",
        singularKey: nil, allProjectsHeaders: DesignateScope.allProjectsHeaders,
        projectHeader: DesignateScope.projectHeader, nameFilter: nil, secretFields: ["key"])

    public let raw: JSONValue
    public let id: String
    public let zoneID: String?
    public let zoneName: String?
    public let status: String?
    /// The project the zone is offered to; nil when any project holding the key may take it.
    public let targetProjectID: String?
    public let projectID: String?
    public let description: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ZoneTransferRequest")
        zoneID = json.text("zone_id")
        zoneName = json.text("zone_name")
        status = json.text("status")
        targetProjectID = json.text("target_project_id")
        projectID = json.text("project_id")
        description = json.text("description")
        createdAt = json.text("created_at")
    }
}
