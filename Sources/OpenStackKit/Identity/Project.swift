import Foundation

/// A Keystone project (`GET /v3/projects`, `/v3/projects/{id}`, `/v3/auth/projects`).
public struct Project: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("projects"), collectionKey: "projects", singularKey: "project",
        filters: [
            .string("domain_id", "Only projects in this domain (ID, e.g. default)."),
            .string("parent_id", "Only direct children of this project or domain."), .bool("enabled"),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let domainID: String?
    public let description: String?
    public let enabled: Bool?
    /// The parent project, or the domain for a top-level project (Keystone sets both ways).
    public let parentID: String?
    public let isDomain: Bool?
    public let tags: [String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Project")
        name = json.text("name")
        domainID = json.text("domain_id")
        description = json.text("description")
        enabled = json["enabled"]?.boolValue
        parentID = json.text("parent_id")
        isDomain = json["is_domain"]?.boolValue
        tags = (json["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
