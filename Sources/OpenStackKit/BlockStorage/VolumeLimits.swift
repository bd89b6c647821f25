import Foundation

/// Cinder's absolute limits for a project (`GET /limits`): `maxTotal*` caps and `total*Used`.
public struct VolumeLimits: OpenStackResource {
    public static let collectionKey = "limits"
    public static let singularKey: String? = "limits"

    /// One resource's cap and use; a limit of -1 means unlimited.
    public struct Usage: Sendable, Hashable {
        public var limit: Int?
        public var used: Int?
    }

    /// The resources Cinder reports, with their `maxTotal*` and `total*Used` keys.
    public static let resources: [(name: String, limitKey: String, usedKey: String)] = [
        ("volumes", "maxTotalVolumes", "totalVolumesUsed"),
        ("gigabytes", "maxTotalVolumeGigabytes", "totalGigabytesUsed"),
        ("snapshots", "maxTotalSnapshots", "totalSnapshotsUsed"),
        ("backups", "maxTotalBackups", "totalBackupsUsed"),
        ("backup_gigabytes", "maxTotalBackupGigabytes", "totalBackupGigabytesUsed"),
    ]

    public let raw: JSONValue
    /// Every value of `absolute`, by its API key.
    public let absolute: [String: Int]

    public init(json: JSONValue) throws {
        raw = json
        guard let absolute = json["absolute"]?.objectValue else {
            throw ModelError.missing(field: "absolute", in: "VolumeLimits")
        }
        self.absolute = absolute.compactMapValues(\.intValue)
    }

    /// Cap and use of one resource by its quota name (`volumes`, `gigabytes`, ...).
    public func usage(of resource: String) -> Usage? {
        guard let keys = Self.resources.first(where: { $0.name == resource }) else { return nil }
        let usage = Usage(limit: absolute[keys.limitKey], used: absolute[keys.usedKey])
        return usage.limit == nil && usage.used == nil ? nil : usage
    }
}
