import Foundation

/// A Cinder volume type; `volume_backend_name` in its extra specs pins a backend.
public struct DemoVolumeType: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name (`lvmdriver-1`, `luks`, `ceph-rbd`, `__DEFAULT__`).
    public let name: String
    /// Description.
    public let description: String?
    /// Visible to every project.
    public let isPublic: Bool
    /// Extra specs (admins see them).
    public let extraSpecs: [String: String]
    /// The projects that may use a private type (`os-volume-type-access`).
    public var projectAccess: [String] = []
    /// Encryption (`provider`, `cipher`, `key_size`, `control_location`); nil when unencrypted.
    public var encryption: DemoTypeEncryption? = nil
    /// The QoS spec associated with the type.
    public var qosSpecsID: String? = nil
}

/// How a volume type encrypts (`GET /types/{id}/encryption`).
public struct DemoTypeEncryption: Sendable, Equatable {
    public let id: String
    public let provider: String
    public let cipher: String
    public let keySize: Int
    public let controlLocation: String
}

/// A Cinder volume snapshot of one of the demo volumes.
public struct DemoSnapshot: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// e.g. `vol-0007-snap-1`.
    public let name: String
    /// Description.
    public let description: String?
    /// `available`, `creating` or `error`.
    public let status: String
    /// Size in GiB (the volume's size).
    public let size: Int
    /// The snapshotted volume.
    public let volumeID: String
    /// Owning project (the volume's).
    public let projectID: String
    /// Creating user.
    public let userID: String
    /// e.g. `100%`.
    public let progress: String
    /// User metadata.
    public let metadata: [String: String]
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
}

/// A Cinder backup of one of the demo volumes.
public struct DemoBackup: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// e.g. `vol-0007-backup-1`.
    public let name: String
    /// Description.
    public let description: String?
    /// `available`, `creating` or `error`.
    public let status: String
    /// Size in GiB (the volume's size).
    public let size: Int
    /// The backed-up volume.
    public let volumeID: String
    /// Set when the backup was taken from a snapshot of the volume.
    public let snapshotID: String?
    /// Owning project (the volume's).
    public let projectID: String
    /// Creating user.
    public let userID: String
    /// Swift container.
    public let container: String
    /// Incremental on top of an earlier backup of the same volume.
    public let isIncremental: Bool
    /// An incremental backup depends on this one.
    public let hasDependentBackups: Bool
    /// Why a backup in `error` failed.
    public let failReason: String?
    /// Swift objects written.
    public let objectCount: Int
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
    /// When the data was captured (the snapshot's time for a backup of a snapshot).
    public let dataTimestamp: Date
}

/// A Cinder backend pool as the scheduler reports it. Allocated capacity and the volume count
/// are the sums over the demo volumes whose host is this pool.
public struct DemoStoragePool: Sendable, Equatable {
    /// `host@backend#pool`.
    public let name: String
    /// `volume_backend_name`.
    public let backendName: String
    /// `iSCSI`, `ceph`.
    public let storageProtocol: String
    /// Driver version.
    public let driverVersion: String
    /// Vendor.
    public let vendorName: String
    /// Total capacity in GiB.
    public let totalCapacityGB: Int
    /// Sum of the sizes of the pool's volumes.
    public let allocatedCapacityGB: Int
    /// Number of volumes on the pool.
    public let totalVolumes: Int
    /// Thin provisioning.
    public let thinProvisioning: Bool
    /// Over-subscription ratio for thin provisioning.
    public let maxOverSubscriptionRatio: Double

    /// Free capacity in GiB (thick accounting: total minus allocated).
    public var freeCapacityGB: Int { totalCapacityGB - allocatedCapacityGB }
}

/// Cinder's block storage beyond volumes: types, snapshots, backups, pools and quota limits.
public struct DemoBlockStorage: Sendable {
    /// Volume types (every type a volume uses, plus `__DEFAULT__`).
    public let volumeTypes: [DemoVolumeType]
    /// Snapshots, newest first.
    public let snapshots: [DemoSnapshot]
    /// Backups, newest first.
    public let backups: [DemoBackup]
    /// Backend pools.
    public let pools: [DemoStoragePool]
    /// Quota limits by project id, then by resource (`volumes`, `gigabytes_luks`, ...); -1 = unlimited.
    public let quotaLimits: [String: [String: Int]]

    let snapshotIndex: [String: Int]
    let backupIndex: [String: Int]

    init(
        volumeTypes: [DemoVolumeType], snapshots: [DemoSnapshot], backups: [DemoBackup], pools: [DemoStoragePool],
        quotaLimits: [String: [String: Int]]
    ) {
        self.volumeTypes = volumeTypes
        self.snapshots = snapshots
        self.backups = backups
        self.pools = pools
        self.quotaLimits = quotaLimits
        snapshotIndex = Dictionary(uniqueKeysWithValues: snapshots.enumerated().map { ($1.id, $0) })
        backupIndex = Dictionary(uniqueKeysWithValues: backups.enumerated().map { ($1.id, $0) })
    }

    /// The snapshot with this id.
    public func snapshot(id: String) -> DemoSnapshot? { snapshotIndex[id].map { snapshots[$0] } }

    /// The backup with this id.
    public func backup(id: String) -> DemoBackup? { backupIndex[id].map { backups[$0] } }

    /// The volume type with this name.
    public func volumeType(named name: String) -> DemoVolumeType? { volumeTypes.first { $0.name == name } }
}
