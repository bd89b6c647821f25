import Foundation

/// A Manila share type (`GET /v2/types`): its extra specs say which backends may hold it.
public struct ShareType: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("types"), collectionKey: "share_types", singularKey: "share_type",
        paging: .single, filters: [.enumeration("is_public", ["true", "false", "all"])], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let isPublic: Bool?
    public let description: String?
    /// `driver_handles_share_servers` and the others a backend must match.
    public let requiredExtraSpecs: [String: JSONValue]
    /// As Manila sends them: the specs set on a type are strings ("True"), but a member also sees
    /// the defaults of the optional specs the type leaves unset, as JSON booleans (`false`).
    public let extraSpecs: [String: JSONValue]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareType")
        name = json.text("name")
        isPublic = (json["share_type_access:is_public"] ?? json["os-share-type-access:is_public"])?.boolValue
        description = json.text("description")
        requiredExtraSpecs = json["required_extra_specs"]?.objectValue ?? [:]
        extraSpecs = json["extra_specs"]?.objectValue ?? [:]
    }
}
