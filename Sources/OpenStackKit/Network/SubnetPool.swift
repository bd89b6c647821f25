import Foundation

/// A Neutron subnet pool (`GET /v2.0/subnetpools`).
public struct SubnetPool: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("subnetpools"), collectionKey: "subnetpools", singularKey: "subnetpool",
        filters: [
            .string("project_id"), .ipVersion, .bool("shared"), .bool("is_default"),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let projectID: String?
    public let prefixes: [String]
    public let ipVersion: Int?
    public let shared: Bool?
    public let isDefault: Bool?
    /// Neutron sends the prefix lengths as strings; they are read as numbers either way.
    public let defaultPrefixLength: Int?
    public let minPrefixLength: Int?
    public let maxPrefixLength: Int?
    public let defaultQuota: Int?
    public let addressScopeID: String?
    public let description: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "SubnetPool")
        name = json.text("name")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        prefixes = json.strings(at: "prefixes")
        ipVersion = json["ip_version"]?.intValue
        shared = json["shared"]?.boolValue
        isDefault = json["is_default"]?.boolValue
        defaultPrefixLength = json["default_prefixlen"]?.intValue
        minPrefixLength = json["min_prefixlen"]?.intValue
        maxPrefixLength = json["max_prefixlen"]?.intValue
        defaultQuota = json["default_quota"]?.intValue
        addressScopeID = json.text("address_scope_id")
        description = json.text("description")
        createdAt = json.text("created_at")
    }
}
