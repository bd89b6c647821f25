import Foundation

/// A Designate zone (`GET /v2/zones`). An admin lists every project's zones with the
/// `X-Auth-All-Projects` header, or one project's with `X-Auth-Sudo-Project-ID`.
public struct Zone: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .dns, path: ResourcePath("zones"), collectionKey: "zones", singularKey: nil,
        filters: [
            .string("name", "Zone name; * is a wildcard"),
            .enumeration("status", DesignateScope.statuses, .uppercased),
            .enumeration("type", ["PRIMARY", "SECONDARY"], .uppercased),
            .string("email"),
        ],
        allProjectsHeaders: DesignateScope.allProjectsHeaders, projectHeader: DesignateScope.projectHeader)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let email: String?
    public let ttl: Int?
    public let serial: Int?
    /// ACTIVE, PENDING or ERROR.
    public let status: String?
    /// What Designate is doing or last did: CREATE, UPDATE, DELETE or NONE.
    public let action: String?
    /// PRIMARY or SECONDARY.
    public let type: String?
    public let poolID: String?
    public let projectID: String?
    public let description: String?
    public let masters: [String]
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Zone")
        name = json.text("name")
        email = json.text("email")
        ttl = json["ttl"]?.intValue
        serial = json["serial"]?.intValue
        status = json.text("status")
        action = json.text("action")
        type = json.text("type")
        poolID = json.text("pool_id")
        projectID = json.text("project_id")
        description = json.text("description")
        masters = json["masters"]?.arrayValue?.compactMap(\.stringValue) ?? []
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
    }

    /// Why the zone is in ERROR, as far as Designate says.
    public var error: String? { DesignateScope.errorSummary(status: status, action: action) }
}
