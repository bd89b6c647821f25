import Foundation

/// A user in a Keystone group (`GET /v3/groups/{group_id}/users`): the user object, without
/// its password. Keystone answers every member at once.
public struct GroupMember: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("groups"), collectionKey: "users", singularKey: "user", paging: .single,
        nameFilter: nil)

    /// The members of one group, its ID encoded as one segment.
    public static func path(group: String) -> String {
        ResourcePath("groups").appending(group).appending(literal: "users").description
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?
    public let enabled: Bool?
    public let email: String?
    public let description: String?
    public let passwordExpiresAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "GroupMember")
        name = json.text("name")
        domainID = json.text("domain_id")
        enabled = json["enabled"]?.boolValue
        email = json.text("email")
        description = json.text("description")
        passwordExpiresAt = json.text("password_expires_at")
    }
}
