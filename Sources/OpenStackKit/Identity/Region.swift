import Foundation

/// A Keystone region (`GET /v3/regions`, `/v3/regions/{id}`); its ID is its name.
public struct Region: OpenStackResource {
    public static let collectionKey = "regions"
    public static let singularKey: String? = "region"

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
