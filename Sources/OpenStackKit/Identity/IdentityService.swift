import Foundation

/// A Keystone service record (`GET /v3/services`).
public struct IdentityService: OpenStackResource {
    public static let collectionKey = "services"
    public static let singularKey: String? = "service"

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String
    public let enabled: Bool?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "IdentityService")
        name = json.text("name")
        type = try json.required("type", in: "IdentityService")
        enabled = json["enabled"]?.boolValue
        description = json.text("description")
    }
}
