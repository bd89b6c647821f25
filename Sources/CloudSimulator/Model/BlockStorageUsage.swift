import Foundation

/// Quota accounting: what a project uses and may use, computed from the data so that quotas and
/// limits always agree with the volumes, snapshots and backups that exist.
extension DemoBlockStorage {
    /// Default limits of every project (Cinder's defaults, -1 = unlimited for per-type quotas).
    static let defaultLimits: [String: Int] = [
        "volumes": 10, "gigabytes": 1000, "snapshots": 10, "backups": 10, "backup_gigabytes": 1000, "groups": 10,
        "per_volume_gigabytes": -1,
    ]

    /// What a project uses, as Cinder counts it: snapshots count towards `gigabytes`, and the
    /// per-type resources are `<resource>_<type name>`.
    static func usage(
        projectID: String, volumes: [DemoVolume], snapshots: [DemoSnapshot], backups: [DemoBackup],
        volumeTypes: [DemoVolumeType]
    ) -> [String: Int] {
        var used: [String: Int] = ["groups": 0, "per_volume_gigabytes": 0]
        for key in ["volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes"] { used[key] = 0 }
        for type in volumeTypes {
            for key in ["volumes", "gigabytes", "snapshots"] { used["\(key)_\(type.name)"] = 0 }
        }
        var typeOfVolume: [String: String] = [:]
        for volume in volumes where volume.projectID == projectID {
            typeOfVolume[volume.id] = volume.volumeType
            used["volumes", default: 0] += 1
            used["gigabytes", default: 0] += volume.size
            used["volumes_\(volume.volumeType)", default: 0] += 1
            used["gigabytes_\(volume.volumeType)", default: 0] += volume.size
        }
        for snapshot in snapshots where snapshot.projectID == projectID {
            used["snapshots", default: 0] += 1
            used["gigabytes", default: 0] += snapshot.size
            if let type = typeOfVolume[snapshot.volumeID] {
                used["snapshots_\(type)", default: 0] += 1
                used["gigabytes_\(type)", default: 0] += snapshot.size
            }
        }
        for backup in backups where backup.projectID == projectID {
            used["backups", default: 0] += 1
            used["backup_gigabytes", default: 0] += backup.size
        }
        return used
    }
}

extension DemoData {
    /// A project's Cinder usage (`in_use` of the quota set, `total*Used` of the limits).
    public func volumeUsage(projectID: String) -> [String: Int] {
        DemoBlockStorage.usage(
            projectID: projectID, volumes: volumes, snapshots: blockStorage.snapshots, backups: blockStorage.backups,
            volumeTypes: blockStorage.volumeTypes)
    }

    /// A project's Cinder quota limits (Cinder's defaults for a project it does not know).
    public func volumeQuotaLimits(projectID: String) -> [String: Int] {
        if let limits = blockStorage.quotaLimits[projectID] { return limits }
        var limits = DemoBlockStorage.defaultLimits
        for type in blockStorage.volumeTypes {
            for key in ["volumes", "gigabytes", "snapshots"] { limits["\(key)_\(type.name)"] = -1 }
        }
        return limits
    }

    /// Every attachment of every volume, in volume order (Cinder's attachments API).
    public var volumeAttachments: [(volume: DemoVolume, attachment: DemoVolumeAttachment)] {
        volumes.flatMap { volume in volume.attachments.map { (volume, $0) } }
    }
}
