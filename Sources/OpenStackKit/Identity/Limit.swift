import Foundation

/// A project's (or domain's) own limit in Keystone's unified limits (`GET /v3/limits`); it
/// overrides the registered default. Keystone answers every limit at once.
public struct Limit: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("limits"), collectionKey: "limits", singularKey: "limit", paging: .single,
        filters: [
            .string("service_id"), .string("region_id"), .string("resource_name", "e.g. cores"), .string("project_id"),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let serviceID: String?
    public let regionID: String?
    public let resourceName: String?
    public let projectID: String?
    public let domainID: String?
    public let resourceLimit: Int?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Limit")
        serviceID = json.text("service_id")
        regionID = json.text("region_id")
        resourceName = json.text("resource_name")
        projectID = json.text("project_id")
        domainID = json.text("domain_id")
        resourceLimit = json["resource_limit"]?.intValue
        description = json.text("description")
    }
}
