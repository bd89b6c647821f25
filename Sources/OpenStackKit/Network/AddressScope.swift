import Foundation

/// A Neutron address scope (`GET /v2.0/address-scopes`, extension `address-scope`): subnet
/// pools in one scope route to each other without NAT.
public struct AddressScope: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("address-scopes"), collectionKey: "address_scopes",
        singularKey: "address_scope",
        filters: [.string("project_id"), .ipVersion, .bool("shared")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let projectID: String?
    public let ipVersion: Int?
    public let shared: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "AddressScope")
        name = json.text("name")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        ipVersion = json["ip_version"]?.intValue
        shared = json["shared"]?.boolValue
    }
}
