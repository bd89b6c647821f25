import Foundation

/// A Keystone domain (`GET /v3/domains`, `/v3/domains/{id}`).
public struct Domain: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("domains"), collectionKey: "domains", singularKey: "domain",
        filters: [.bool("enabled")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let enabled: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Domain")
        name = json.text("name")
        description = json.text("description")
        enabled = json["enabled"]?.boolValue
    }
}
