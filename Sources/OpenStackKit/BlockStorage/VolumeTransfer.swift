import Foundation

/// A Cinder volume transfer request (`GET /volume-transfers/detail` from microversion 3.55,
/// `/os-volume-transfer/detail` before): a volume offered to another project, waiting to be
/// accepted. Its `auth_key` is shown only once, at creation, and never in a list.
public struct VolumeTransfer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("volume-transfers"), listPath: ResourcePath("volume-transfers", "detail"),
        collectionKey: "transfers", singularKey: "transfer",
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")], secretFields: ["auth_key"])

    /// The list before microversion 3.55, which lacks the 3.57 fields.
    public static let legacyListPath = ResourcePath("os-volume-transfer", "detail")

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let volumeID: String?
    public let createdAt: String?
    /// From 3.57.
    public let sourceProjectID: String?
    public let destinationProjectID: String?
    public let accepted: Bool?
    public let noSnapshots: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "VolumeTransfer")
        name = json.text("name")
        volumeID = json.text("volume_id")
        createdAt = json.text("created_at")
        sourceProjectID = json.text("source_project_id")
        destinationProjectID = json.text("destination_project_id")
        accepted = json["accepted"]?.boolValue
        noSnapshots = json["no_snapshots"]?.boolValue
    }
}
