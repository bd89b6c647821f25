import Foundation

/// A project that may use a private flavor (`GET /flavors/{id}/os-flavor-access`).
public struct FlavorAccess: OpenStackResource {
    public static let collectionKey = "flavor_access"
    public static let singularKey: String? = nil

    public let raw: JSONValue
    public let flavorID: String
    public let projectID: String

    public init(json: JSONValue) throws {
        raw = json
        flavorID = try json.required("flavor_id", in: "FlavorAccess")
        projectID = try json.required("tenant_id", in: "FlavorAccess")
    }
}
