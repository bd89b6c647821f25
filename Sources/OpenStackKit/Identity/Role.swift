import Foundation

/// A Keystone role (`GET /v3/roles`); `domain_id` is set only for domain-specific roles.
public struct Role: OpenStackResource {
    public static let collectionKey = "roles"
    public static let singularKey: String? = "role"

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Role")
        name = json.text("name")
        domainID = json.text("domain_id")
    }
}
