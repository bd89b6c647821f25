import Foundation

/// A Cinder attachment record (`GET /attachments`, `/attachments/detail`; microversion 3.27+).
///
/// `connection_info` holds the target's credentials (CHAP user and password): it is kept in
/// `raw` only, and every output goes through the redactor.
public struct VolumeAttachment: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("attachments"), listPath: ResourcePath("attachments", "detail"),
        collectionKey: "attachments", singularKey: "attachment", paging: .markerWithoutLinks,
        filters: [
            .string("volume_id"),
            .enumeration(
                "status", ["attached", "attaching", "detached", "reserved", "error_attaching", "error_detaching", "deleted"],
                .canonical),
            .string("server_id", upstream: "instance_id", "Only attachments to this server (Nova instance ID)."),
        ],
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")], nameFilter: nil,
        // connection_info's CHAP credentials for the volume's iSCSI target.
        secretFields: ["auth_password", "auth_username", "discovery_auth_password", "discovery_auth_username"])

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
