import CloudSimulator
import Foundation
import Testing

/// The demo cloud's block storage and identity data hold together, stay deterministic and are fast to build.
@Suite struct DemoStorageAndIdentityDataTests {
    static let data = DemoData(configuration: DemoCloudConfiguration(servers: 200))

    @Test func snapshotsAndBackupsBelongToExistingVolumes() throws {
        let data = Self.data, storage = data.blockStorage
        #expect(storage.snapshots.count > 10 && storage.backups.count > 5)
        #expect(Set(storage.snapshots.map(\.status)).isSuperset(of: ["available", "error"]))
        #expect(storage.backups.contains { $0.status == "error" && $0.failReason != nil })
        #expect(storage.backups.contains { $0.isIncremental } && storage.backups.contains { $0.snapshotID != nil })
        for snapshot in storage.snapshots {
            let volume = try #require(data.volume(id: snapshot.volumeID))
            #expect(snapshot.projectID == volume.projectID && snapshot.size == volume.size)
            #expect(snapshot.createdAt >= volume.createdAt)
        }
        for backup in storage.backups {
            let volume = try #require(data.volume(id: backup.volumeID))
            #expect(backup.projectID == volume.projectID && backup.size == volume.size)
            if let snapshotID = backup.snapshotID {
                #expect(storage.snapshot(id: snapshotID)?.volumeID == volume.id)
            }
        }
        #expect(storage.snapshots == storage.snapshots.sorted { $0.createdAt > $1.createdAt })
    }

    @Test func everyVolumeTypeInUseExistsAndPoolsAddUp() throws {
        let data = Self.data, storage = data.blockStorage
        let typeNames = Set(storage.volumeTypes.map(\.name))
        #expect(Set(data.volumes.map(\.volumeType)).isSubset(of: typeNames))
        #expect(Set(data.volumes.map(\.volumeType)) == ["lvmdriver-1", "luks", "ceph-rbd", "diag-fast"])
        // Every volume is on a pool but the seeded diag-no-backend, which no pool could take.
        let placed = data.volumes.filter { $0.name != "diag-no-backend" }
        #expect(Set(placed.map(\.host)) == Set(storage.pools.map(\.name)))
        let unplaced = try #require(data.volumes.first { $0.name == "diag-no-backend" })
        #expect(unplaced.host.isEmpty && unplaced.status == "error")
        let backend = storage.volumeTypes.first { $0.name == unplaced.volumeType }?.extraSpecs["volume_backend_name"]
        #expect(backend == "fast-nvme" && !storage.pools.contains { $0.backendName == backend })
        for pool in storage.pools {
            let onPool = data.volumes.filter { $0.host == pool.name }
            #expect(pool.allocatedCapacityGB == onPool.reduce(0) { $0 + $1.size })
            #expect(pool.totalVolumes == onPool.count && pool.freeCapacityGB > 0)
            // A type pinned to a backend only has volumes on that backend's pool.
            for volume in onPool {
                #expect(storage.volumeType(named: volume.volumeType)?.extraSpecs["volume_backend_name"] == pool.backendName)
            }
        }
        let cinderVolumeHosts = Set(data.volumeServices.filter { $0.binary == "cinder-volume" }.map(\.host))
        #expect(Set(storage.pools.map { String($0.name.split(separator: "#")[0]) }) == cinderVolumeHosts)
    }

    @Test func quotasCoverWhatEachProjectUses() {
        let data = Self.data
        for project in data.projects {
            let used = data.volumeUsage(projectID: project.id)
            let limits = data.volumeQuotaLimits(projectID: project.id)
            let volumes = data.volumes.filter { $0.projectID == project.id }
            let snapshots = data.blockStorage.snapshots.filter { $0.projectID == project.id }
            #expect(used["volumes"] == volumes.count)
            #expect(used["gigabytes"] == volumes.reduce(0) { $0 + $1.size } + snapshots.reduce(0) { $0 + $1.size })
            #expect(used["snapshots"] == snapshots.count)
            #expect(used["backups"] == data.blockStorage.backups.filter { $0.projectID == project.id }.count)
            for (resource, inUse) in used {
                let limit = limits[resource] ?? 0
                #expect(limit == -1 || inUse <= limit, "\(project.name) \(resource): \(inUse) > \(limit)")
            }
        }
    }

    @Test func attachmentsAgreeWithServers() throws {
        let data = Self.data
        #expect(!data.volumeAttachments.isEmpty)
        for (volume, attachment) in data.volumeAttachments {
            #expect(volume.status == "in-use")
            let server = try #require(data.server(id: attachment.serverID))
            #expect(server.volumesAttached.contains { $0.volumeID == volume.id })
            #expect(server.projectID == volume.projectID && attachment.hostName == server.host)
        }
        for server in data.servers {
            for attached in server.volumesAttached {
                #expect(data.volume(id: attached.volumeID)?.attachments.contains { $0.serverID == server.id } == true)
            }
        }
    }

    @Test func roleAssignmentsAreTheUsersRoles() {
        let data = Self.data
        for user in data.users {
            let listed = data.userRoleAssignments.filter { $0.user.id == user.id }
            #expect(Set(listed.map { "\($0.project.id):\($0.role.name)" })
                == Set(user.roleAssignments.map { "\($0.projectID):\($0.roleName)" }))
        }
        #expect(data.domains.contains { $0.id == DemoCloud.domainID })
        #expect(data.regions.map(\.id) == [DemoCloud.region])
    }

    /// CPU time of the calling thread: unlike wall time, other tests and builds on the shared
    /// cores do not inflate it, and generation runs on one thread.
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Generates on a Dispatch thread: the work is synchronous, and on the two-thread cooperative
    /// pool it would stall the end-to-end tests' HTTP servers that run at the same time.
    static func generate(servers: Int) async -> (data: DemoData, cpuSeconds: Double) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let started = threadCPUTime()
                let data = DemoData(configuration: DemoCloudConfiguration(servers: servers))
                continuation.resume(returning: (data, threadCPUTime() - started))
            }
        }
    }

    @Test func generationIsDeterministicAndFast() async {
        let (large, elapsed) = await Self.generate(servers: 2000)
        #expect(elapsed < 0.5, "2000 servers took \(elapsed) s of CPU")
        #expect(large.blockStorage.snapshots.count > Self.data.blockStorage.snapshots.count)
        let again = await Self.generate(servers: 200).data
        #expect(again.blockStorage.snapshots == Self.data.blockStorage.snapshots)
        #expect(again.blockStorage.backups == Self.data.blockStorage.backups)
        #expect(again.blockStorage.pools == Self.data.blockStorage.pools)
        #expect(again.volumes == Self.data.volumes && again.domains == Self.data.domains)
    }
}
