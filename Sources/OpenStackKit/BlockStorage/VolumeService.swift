import Foundation

/// A Cinder service (`GET /os-services`): cinder-scheduler, cinder-volume, cinder-backup.
public struct VolumeService: OpenStackResource {
    public static let collectionKey = "services"
    public static let singularKey: String? = "service"

    public let raw: JSONValue
    public let binary: String
    public let host: String
    public let zone: String?
    public let status: String?
    public let state: String?
    public let updatedAt: String?
    public let disabledReason: String?
    public let cluster: String?

    public init(json: JSONValue) throws {
        raw = json
        binary = try json.required("binary", in: "VolumeService")
        host = try json.required("host", in: "VolumeService")
        zone = json.text("zone")
        status = json.text("status")
        state = json.text("state")
        updatedAt = json.text("updated_at")
        disabledReason = json.text("disabled_reason")
        cluster = json.text("cluster")
    }
}
