import Foundation

/// Volume types, snapshots, backups, pools and quota limits around the generated volumes.
///
/// It draws from its own random stream (derived from the cloud's seed), so adding it left the
/// rest of the data exactly as it was.
enum BlockStorageGenerator {
    /// Ids that volumes render as `volume_type_id`.
    static let lvmTypeID = "c3a1f0e2-8b4d-4f6a-9e2c-7d5b1a0f3e94"
    static let luksTypeID = "5d0e4a8b-3c7f-4e21-a1b6-0c9f8e7d6a52"

    static func generate(seed: UInt64, volumes: [DemoVolume], projects: [DemoProject], reference: Date) -> DemoBlockStorage {
        var rng = SplitMix64(seed: seed ^ 0x0B10_C5_7012_A6E5)
        let types = [
            DemoVolumeType(
                id: rng.uuid(), name: "__DEFAULT__", description: "Default Volume Type", isPublic: true, extraSpecs: [:]),
            DemoVolumeType(
                id: lvmTypeID, name: "lvmdriver-1", description: "LVM over iSCSI",
                isPublic: true, extraSpecs: ["volume_backend_name": "lvmdriver-1"]),
            DemoVolumeType(
                id: luksTypeID, name: "luks", description: "Encrypted (LUKS) volumes on LVM",
                isPublic: true, extraSpecs: ["volume_backend_name": "lvmdriver-1"],
                encryption: DemoTypeEncryption(
                    id: CinderExtrasGenerator.luksEncryptionID, provider: "luks", cipher: "aes-xts-plain64", keySize: 256,
                    controlLocation: "front-end")),
            DemoVolumeType(
                id: rng.uuid(), name: "ceph-rbd", description: "Ceph RBD, replicated x3",
                isPublic: true, extraSpecs: ["volume_backend_name": "ceph", "replication_enabled": "<is> False"]),
            DiagnosisScenarios.volumeType,
        ] + CinderExtrasGenerator.privateTypes(projects: projects)

        var snapshots: [DemoSnapshot] = []
        var backups: [DemoBackup] = []
        func after(_ start: Date) -> Date {
            let span = max(60, Int(reference.timeIntervalSince(start)))
            return start.addingTimeInterval(Double(30 + rng.int(span)))
        }
        // Oldest volume first, so that numbering follows time.
        for volume in volumes.reversed() where volume.status != "error" {
            var ownSnapshots: [DemoSnapshot] = []
            if rng.chance(0.22) {
                var time = volume.createdAt
                for index in 0..<(1 + rng.int(2)) {
                    time = after(time)
                    let number = snapshots.count
                    let status = number == 2 ? "error" : number == 5 ? "creating" : "available"
                    let snapshot = DemoSnapshot(
                        id: rng.uuid(), name: "\(volume.name)-snap-\(index + 1)",
                        description: rng.chance(0.5) ? "before maintenance" : nil, status: status, size: volume.size,
                        volumeID: volume.id, projectID: volume.projectID, userID: volume.userID,
                        progress: status == "creating" ? "45%" : status == "error" ? "0%" : "100%",
                        metadata: rng.chance(0.3) ? ["purpose": "pre-upgrade"] : [:],
                        createdAt: time, updatedAt: time.addingTimeInterval(status == "creating" ? 5 : 40))
                    ownSnapshots.append(snapshot)
                }
                snapshots += ownSnapshots
            }
            guard rng.chance(0.15) else { continue }
            var time = volume.createdAt
            let count = 1 + rng.int(2)
            for index in 0..<count {
                time = after(time)
                let number = backups.count
                let failed = number == 1
                let source = index == 0 && !ownSnapshots.isEmpty && rng.chance(0.5) ? ownSnapshots[0] : nil
                backups.append(
                    DemoBackup(
                        id: rng.uuid(), name: "\(volume.name)-backup-\(index + 1)",
                        description: index == 0 ? "full backup" : "incremental backup", status: failed ? "error" : "available",
                        size: volume.size, volumeID: volume.id, snapshotID: source?.id, projectID: volume.projectID,
                        userID: volume.userID, container: "volumebackups", isIncremental: index > 0,
                        hasDependentBackups: index == 0 && count > 1,
                        failReason: failed ? "Backup driver failed: timed out writing to the object store" : nil,
                        objectCount: failed ? 0 : volume.size * 20, createdAt: time,
                        updatedAt: time.addingTimeInterval(failed ? 600 : Double(60 + volume.size * 3)),
                        dataTimestamp: source?.createdAt ?? time))
            }
        }
        snapshots.sort { $0.createdAt > $1.createdAt }
        backups.sort { $0.createdAt > $1.createdAt }

        let pools = makePools(volumes: volumes)
        var limits: [String: [String: Int]] = [:]
        for project in projects {
            let used = DemoBlockStorage.usage(
                projectID: project.id, volumes: volumes, snapshots: snapshots, backups: backups, volumeTypes: types)
            var projectLimits = DemoBlockStorage.defaultLimits
            for key in ["volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes"] {
                let inUse = used[key] ?? 0
                let standard = projectLimits[key]!
                // A project that outgrew the default got a raised quota, with some headroom.
                if inUse * 5 > standard * 4 { projectLimits[key] = roundUp(inUse + inUse / 4 + 1, to: 10) }
            }
            // The demo project's volume count is held tight, at 80% or more of its quota: the
            // quota pressure that diagnose_quota names.
            if project.name == DemoCloud.memberProject, let inUse = used["volumes"], inUse > 0 {
                projectLimits["volumes"] = inUse + inUse / 4
            }
            for type in types {
                for key in ["volumes", "gigabytes", "snapshots"] { projectLimits["\(key)_\(type.name)"] = -1 }
            }
            limits[project.id] = projectLimits
        }
        return DemoBlockStorage(volumeTypes: types, snapshots: snapshots, backups: backups, pools: pools, quotaLimits: limits)
    }

    private static func makePools(volumes: [DemoVolume]) -> [DemoStoragePool] {
        var allocated: [String: Int] = [:]
        var count: [String: Int] = [:]
        for volume in volumes where !volume.host.isEmpty {
            allocated[volume.host, default: 0] += volume.size
            count[volume.host, default: 0] += 1
        }
        let lvm = DemoDataGenerator.volumeBackendHost, ceph = DemoDataGenerator.cephBackendHost
        return [
            DemoStoragePool(
                name: lvm, backendName: "lvmdriver-1", storageProtocol: "iSCSI", driverVersion: "3.0.0",
                vendorName: "Open Source", totalCapacityGB: roundUp(max(500, (allocated[lvm] ?? 0) * 2), to: 100),
                allocatedCapacityGB: allocated[lvm] ?? 0, totalVolumes: count[lvm] ?? 0, thinProvisioning: true,
                maxOverSubscriptionRatio: 20),
            DemoStoragePool(
                name: ceph, backendName: "ceph", storageProtocol: "ceph", driverVersion: "1.2.0",
                vendorName: "Open Source", totalCapacityGB: roundUp(max(2000, (allocated[ceph] ?? 0) * 3), to: 100),
                allocatedCapacityGB: allocated[ceph] ?? 0, totalVolumes: count[ceph] ?? 0, thinProvisioning: true,
                maxOverSubscriptionRatio: 1.5),
        ]
    }

    static func roundUp(_ value: Int, to step: Int) -> Int { (value + step - 1) / step * step }
}
