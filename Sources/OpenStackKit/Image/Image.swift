import Foundation

/// A Glance image (`GET /v2/images`). Glance does not wrap a single image, and custom
/// properties are top-level keys: they are in `properties`.
public struct Image: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .image, path: ResourcePath("images"), collectionKey: "images", singularKey: nil,
        filters: [
            .string("status", transform: .lowercased, "e.g. active, queued"),
            .enumeration("visibility", ["public", "private", "shared", "community", "all"], .lowercased),
            .string("owner", "Only images owned by this project ID."),
        ],
        // Glance leaves community images out of a list unless asked for visibility=all.
        nameLookupFilters: ["visibility": "all"],
        // The backend's URLs, which for Swift or Ceph stores can carry credentials (OSSN-0065).
        secretFields: ["direct_url", "locations"])

    /// Keys Glance defines; every other top-level key is a custom property.
    static let coreKeys: Set<String> = [
        "id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo", "os_hash_value",
        "owner", "size", "virtual_size", "min_ram", "min_disk", "disk_format", "container_format", "created_at",
        "updated_at", "tags", "self", "file", "schema", "direct_url", "locations", "stores",
    ]

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let status: String?
    public let visibility: String?
    public let size: Int?
    public let diskFormat: String?
    public let containerFormat: String?
    public let minDisk: Int?
    public let minRAM: Int?
    public let owner: String?
    public let isProtected: Bool?
    public let createdAt: String?
    public let properties: [String: JSONValue]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Image")
        name = json.text("name")
        status = json.text("status")
        visibility = json.text("visibility")
        size = json["size"]?.intValue
        diskFormat = json.text("disk_format")
        containerFormat = json.text("container_format")
        minDisk = json["min_disk"]?.intValue
        minRAM = json["min_ram"]?.intValue
        owner = json.text("owner")
        isProtected = json["protected"]?.boolValue
        createdAt = json.text("created_at")
        properties = (json.objectValue ?? [:]).filter { !Self.coreKeys.contains($0.key) }
    }
}
