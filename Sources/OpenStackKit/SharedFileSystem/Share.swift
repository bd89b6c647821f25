import Foundation

/// A Manila share (`GET /v2/shares/detail`).
public struct Share: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("shares"), listPath: ResourcePath("shares", "detail"),
        collectionKey: "shares", singularKey: "share", paging: .offset,
        filters: [
            .string("status", "e.g. available, error, creating"), .string("share_network_id"),
            .string("share_type_id"), .enumeration("share_proto", ["NFS", "CIFS", "CEPHFS", "GLUSTERFS", "HDFS", "MAPRFS"]),
        ],
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let status: String?
    public let size: Int?
    public let shareProto: String?
    public let shareNetworkID: String?
    public let shareTypeName: String?
    public let projectID: String?
    public let availabilityZone: String?
    public let host: String?
    public let isPublic: Bool?
    public let createdAt: String?
    /// The paths of microversions before 2.9, which inline them; newer ones list them apart.
    public let inlineExportLocations: [String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Share")
        name = json.text("name")
        status = json.text("status")
        size = json["size"]?.intValue
        shareProto = json.text("share_proto")
        shareNetworkID = json.text("share_network_id")
        shareTypeName = json.text("share_type_name") ?? json.text("volume_type")
        projectID = json.text("project_id")
        availabilityZone = json.text("availability_zone")
        host = json.text("host")
        isPublic = json["is_public"]?.boolValue
        createdAt = json.text("created_at")
        inlineExportLocations = json["export_locations"]?.arrayValue?.compactMap(\.stringValue)
            ?? json.text("export_location").map { [$0] } ?? []
    }
}

/// Where a share is mounted from (`GET /v2/shares/{id}/export_locations`, microversion 2.9+).
public struct ShareExportLocation: OpenStackResource {
    public static let collectionKey = "export_locations"
    public static let singularKey: String? = "export_location"

    public let raw: JSONValue
    public let path: String
    public let preferred: Bool?
    /// Admin-only locations are for the backend's own use; Manila shows them only to admins.
    public let isAdminOnly: Bool?

    public init(json: JSONValue) throws {
        raw = json
        path = try json.required("path", in: "ShareExportLocation")
        preferred = json["preferred"]?.boolValue
        isAdminOnly = json["is_admin_only"]?.boolValue
    }

    /// The export locations of one share, its ID encoded as one segment.
    public static func path(share: String) -> String {
        ResourcePath("shares").appending(share).appending(literal: "export_locations").description
    }
}
