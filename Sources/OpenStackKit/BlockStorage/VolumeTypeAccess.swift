import Foundation

/// A project that may use a private volume type (`GET /types/{id}/os-volume-type-access`, admin).
public struct VolumeTypeAccess: OpenStackResource {
    public static let collectionKey = "volume_type_access"
    public static let singularKey: String? = nil

    public let raw: JSONValue
    public let volumeTypeID: String
    public let projectID: String

    public init(json: JSONValue) throws {
        raw = json
        volumeTypeID = try json.required("volume_type_id", in: "VolumeTypeAccess")
        projectID = try json.required("project_id", in: "VolumeTypeAccess")
    }

    /// The path of a type's access list.
    public static func path(typeID: String) -> String {
        ResourcePath("types").appending(typeID).appending(literal: "os-volume-type-access").description
    }
}
