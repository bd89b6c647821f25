import Foundation

/// A Cinder volume type (`GET /types`, `/types/{id}`, `/types/default`).
public struct VolumeType: OpenStackResource {
    public static let collectionKey = "volume_types"
    public static let singularKey: String? = "volume_type"

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    /// `is_public`, or the older `os-volume-type-access:is_public`.
    public let isPublic: Bool?
    public let qosSpecsID: String?
    /// Only admins see them; `volume_backend_name` names the backend that serves the type.
    public let extraSpecs: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "VolumeType")
        name = json.text("name")
        description = json.text("description")
        isPublic = json["is_public"]?.boolValue ?? json["os-volume-type-access:is_public"]?.boolValue
        qosSpecsID = json.text("qos_specs_id")
        extraSpecs = json["extra_specs"].map(JSONValue.stringMap) ?? [:]
    }

    /// The backend the scheduler places this type on, when the type pins one.
    public var backendName: String? { extraSpecs["volume_backend_name"] }
}
