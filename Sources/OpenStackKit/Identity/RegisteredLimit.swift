import Foundation

/// A registered limit in Keystone's unified limits (`GET /v3/registered_limits`): the default of
/// one resource of one service, for projects without a limit of their own. Any user may read it.
public struct RegisteredLimit: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("registered_limits"), collectionKey: "registered_limits",
        singularKey: "registered_limit", paging: .single,
        filters: [.string("service_id"), .string("region_id"), .string("resource_name", "e.g. cores")], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let serviceID: String?
    public let regionID: String?
    public let resourceName: String?
    public let defaultLimit: Int?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "RegisteredLimit")
        serviceID = json.text("service_id")
        regionID = json.text("region_id")
        resourceName = json.text("resource_name")
        defaultLimit = json["default_limit"]?.intValue
        description = json.text("description")
    }
}
