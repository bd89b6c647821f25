import Foundation

/// A Keystone user (`GET /v3/users`, `/v3/users/{id}`). Keystone never returns passwords.
public struct User: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("users"), collectionKey: "users", singularKey: "user",
        filters: [.string("domain_id", "Only users in this domain (ID, e.g. default)."), .bool("enabled")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?
    public let enabled: Bool?
    public let email: String?
    public let description: String?
    public let defaultProjectID: String?
    public let passwordExpiresAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "User")
        name = json.text("name")
        domainID = json.text("domain_id")
        enabled = json["enabled"]?.boolValue
        email = json.text("email")
        description = json.text("description")
        defaultProjectID = json.text("default_project_id")
        passwordExpiresAt = json.text("password_expires_at")
    }
}
