import Foundation

/// A Keystone region (`GET /v3/regions`, `/v3/regions/{id}`); its ID is its name.
public struct Region: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("regions"), collectionKey: "regions", singularKey: "region",
        paging: .single, filters: [.string("parent_region_id", "Only sub-regions of this region.")], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let description: String?
    public let parentRegionID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Region")
        description = json.text("description")
        parentRegionID = json.text("parent_region_id")
    }
}
