import Foundation

/// A Neutron security group with its rules (`GET /v2.0/security-groups`).
public struct SecurityGroup: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("security-groups"), collectionKey: "security_groups", singularKey: "security_group",
        filters: [.string("project_id")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let projectID: String?
    public let stateful: Bool?
    public let shared: Bool?
    public let rules: [SecurityGroupRule]
    public let tags: [String]
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "SecurityGroup")
        name = json.text("name")
        description = json.text("description")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        stateful = json["stateful"]?.boolValue
        shared = json["shared"]?.boolValue
        rules = try (json["security_group_rules"]?.arrayValue ?? []).map(SecurityGroupRule.init(json:))
        tags = json.strings(at: "tags")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
    }
}
