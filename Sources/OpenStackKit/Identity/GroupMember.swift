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

    /// The member, as Keystone shows a user.
    public let user: User
    public var raw: JSONValue { user.raw }

    public init(json: JSONValue) throws {
        user = try User(json: json)
    }
}
