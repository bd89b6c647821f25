import Foundation

/// A Placement resource provider, from `GET /resource_providers` or `/resource_providers/{uuid}`.
///
/// Nova registers one per compute node, with the node's UUID; parent and root appear from 1.14.
public struct ResourceProvider: OpenStackResource {
    public static let collectionKey = "resource_providers"
    /// Placement returns one provider unwrapped.
    public static let singularKey: String? = nil

    public let raw: JSONValue
    public let uuid: String
    public let name: String?
    public let generation: Int?
    public let parentProviderUUID: String?
    public let rootProviderUUID: String?

    public init(json: JSONValue) throws {
        raw = json
        uuid = try json.required("uuid", in: "ResourceProvider")
        name = json.text("name")
        generation = json["generation"]?.intValue
        parentProviderUUID = json.text("parent_provider_uuid")
        rootProviderUUID = json.text("root_provider_uuid")
    }
}
