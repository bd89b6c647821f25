import Foundation

/// A Nova flavor, from `GET /flavors/detail` or `/flavors/{id}`.
public struct Flavor: OpenStackResource {
    public static let collectionKey = "flavors"
    public static let singularKey: String? = "flavor"

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let vcpus: Int?
    public let ram: Int?
    public let disk: Int?
    public let ephemeral: Int?
    public let isPublic: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Flavor")
        name = json.text("name")
        vcpus = json["vcpus"]?.intValue
        ram = json["ram"]?.intValue
        disk = json["disk"]?.intValue
        ephemeral = json["OS-FLV-EXT-DATA:ephemeral"]?.intValue
        isPublic = json["os-flavor-access:is_public"]?.boolValue
    }
}
