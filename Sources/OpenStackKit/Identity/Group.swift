import Foundation

/// A Keystone group (`GET /v3/groups`, `/v3/groups/{id}`); admin in most clouds. Keystone answers
/// every group at once.
public struct Group: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("groups"), collectionKey: "groups", singularKey: "group", paging: .single,
        filters: [.string("name", "Exact name"), .string("domain_id", "Domain ID, e.g. default")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Group")
        name = json.text("name")
        domainID = json.text("domain_id")
        description = json.text("description")
    }
}
