import Foundation

/// A Cinder group type (`GET /group_types`, microversion 3.11+): what a volume group is made
/// with, and its group specs (`consistent_group_snapshot_enabled`, ...).
public struct GroupType: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("group_types"), collectionKey: "group_types", singularKey: "group_type",
        paging: .single)

    /// The first microversion that has group types.
    public static let microversion = (3, 11)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let isPublic: Bool?
    /// Only admins see them.
    public let groupSpecs: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "GroupType")
        name = json.text("name")
        description = json.text("description")
        isPublic = json["is_public"]?.boolValue
        groupSpecs = json["group_specs"].map(JSONValue.stringMap) ?? [:]
    }
}
