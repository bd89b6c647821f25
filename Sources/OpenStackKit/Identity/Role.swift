import Foundation

/// A Keystone role (`GET /v3/roles`); `domain_id` is set only for domain-specific roles.
/// Keystone answers every role at once (it does not page with `limit` and `marker`).
public struct Role: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("roles"), collectionKey: "roles", singularKey: "role", paging: .single,
        filters: [.string("name", "Exact name"), .string("domain_id", "Only this domain's own roles")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?
    public let description: String?
    /// Keystone's `options.immutable`: bootstrap's roles cannot be changed or deleted.
    public let immutable: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Role")
        name = json.text("name")
        domainID = json.text("domain_id")
        description = json.text("description")
        immutable = json["options"]?["immutable"]?.boolValue
    }
}
