import Foundation

/// A share server: the backend's per-network file server (`GET /v2/share-servers`, admin).
public struct ShareServer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("share-servers"), collectionKey: "share_servers",
        singularKey: "share_server", paging: .single,
        filters: [.string("status"), .string("host"), .string("share_network_id", upstream: "share_network")],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let status: String?
    public let host: String?
    public let projectID: String?
    public let shareNetworkID: String?
    public let shareNetworkName: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareServer")
        status = json.text("status")
        host = json.text("host")
        projectID = json.text("project_id")
        shareNetworkID = json.text("share_network_id")
        shareNetworkName = json.text("share_network_name")
        updatedAt = json.text("updated_at")
    }
}

/// Manila's absolute limits for the caller's project (`GET /v2/limits`): the quota caps
/// (`maxTotal*`) and what is used (`total*Used`).
public struct ShareLimits: OpenStackResource {
    public static let collectionKey = "limits"
    public static let singularKey: String? = "limits"

    /// The resources Manila reports, with their cap and use keys.
    public static let resources: [(name: String, limitKey: String, usedKey: String)] = [
        ("shares", "maxTotalShares", "totalSharesUsed"),
        ("gigabytes", "maxTotalShareGigabytes", "totalShareGigabytesUsed"),
        ("snapshots", "maxTotalShareSnapshots", "totalShareSnapshotsUsed"),
        ("snapshot_gigabytes", "maxTotalSnapshotGigabytes", "totalSnapshotGigabytesUsed"),
        ("share_networks", "maxTotalShareNetworks", "totalShareNetworksUsed"),
        ("share_replicas", "maxTotalShareReplicas", "totalShareReplicasUsed"),
        ("replica_gigabytes", "maxTotalReplicaGigabytes", "totalReplicaGigabytesUsed"),
        ("backups", "maxTotalShareBackups", "totalShareBackupsUsed"),
        ("backup_gigabytes", "maxTotalBackupGigabytes", "totalBackupGigabytesUsed"),
    ]

    public let raw: JSONValue
    public let absolute: [String: Int]

    public init(json: JSONValue) throws {
        raw = json
        guard let absolute = json["absolute"]?.objectValue else { throw ModelError.missing(field: "absolute", in: "ShareLimits") }
        self.absolute = absolute.compactMapValues(\.intValue)
    }
}
