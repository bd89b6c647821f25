import Foundation

/// Who may mount a share (`GET /v2/share-access-rules?share_id=…`, microversion 2.45+).
public struct ShareAccessRule: OpenStackResource {
    public static let collectionKey = "access_list"
    public static let singularKey: String? = "access"

    public let raw: JSONValue
    public let id: String
    /// `ip`, `user`, `cert` or `cephx`.
    public let accessType: String?
    /// The address, CIDR, user or certificate name granted.
    public let accessTo: String?
    /// `rw` or `ro`.
    public let accessLevel: String?
    public let state: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareAccessRule")
        accessType = json.text("access_type")
        accessTo = json.text("access_to")
        accessLevel = json.text("access_level")
        state = json.text("state")
    }

    /// The cephx secret that lets the holder mount the share.
    public static let secretFields: Set<String> = ["access_key"]
}
