import Foundation

/// A Cinder attachment record (`GET /attachments`, `/attachments/detail`; microversion 3.27+).
///
/// `connection_info` holds the target's credentials (CHAP user and password): it is kept in
/// `raw` only, and every output goes through the redactor.
public struct VolumeAttachment: OpenStackResource {
    public static let collectionKey = "attachments"
    public static let singularKey: String? = "attachment"

    public let raw: JSONValue
    public let id: String
    /// `attached`, `attaching`, `detached`, `reserved`, `error_attaching`, ...
    public let status: String?
    /// The server (Nova instance UUID); Cinder calls it `instance`.
    public let instanceID: String?
    public let volumeID: String?
    /// `rw` or `ro`.
    public let attachMode: String?
    public let attachedAt: String?
    public let detachedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "VolumeAttachment")
        status = json.text("status") ?? json.text("attach_status")
        instanceID = json.text("instance") ?? json.text("instance_uuid")
        volumeID = json.text("volume_id")
        attachMode = json.text("attach_mode")
        attachedAt = json.text("attached_at")
        detachedAt = json.text("detached_at")
    }
}
