import Foundation

/// What a QoS spec is associated with (`GET /qos-specs/{id}/associations`): a volume type.
public struct QoSAssociation: OpenStackResource {
    public static let collectionKey = "qos_associations"
    public static let singularKey: String? = nil

    public let raw: JSONValue
    public let id: String
    public let name: String?
    /// `volume_type`.
    public let type: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "QoSAssociation")
        name = json.text("name")
        type = json.text("association_type")
    }
}
