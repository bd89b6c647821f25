import Foundation
import Testing

@testable import OpenStackKit

/// Every Cinder (beyond volumes and services), Glance and Keystone sample of the resources the
/// block storage, image and identity tools read decodes, with the fields the tools show.
@Suite struct StorageAndIdentitySampleTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue {
        try Samples.load(Samples.root.appendingPathComponent(path))
    }

    @Test func snapshotsDecodeAtEveryMicroversion() throws {
        let files = Samples.samples("cinder/snapshots", matching: "^snapshot")
        #expect(files.count == 5)
        for file in files {
            let snapshots = try Samples.decodeAny(Snapshot.self, file)
            #expect(!snapshots.isEmpty)
            for snapshot in snapshots {
                #expect(snapshot.volumeID != nil && snapshot.size == 10 && snapshot.status == "creating", "\(file.lastPathComponent)")
                #expect(snapshot.metadata == ["key": "v3"])
            }
        }
        let newest = try Snapshot.show(from: Self.file("cinder/snapshots/v3.65/snapshot-show-response.json"))
        #expect(newest.projectID == "89afd400-b646-4bbc-b12b-c0a4d63e5bd3")
        #expect(newest.progress == "0%")
        #expect(newest.userID == "c853ca26-e8ea-4797-8a52-ee124a013d0e")
    }

    @Test func backupsDecodeSummaryAndDetail() throws {
        let files = Samples.samples("cinder/backups", matching: "^backup")
        #expect(files.count == 6)
        for file in files {
            let backups = try Samples.decodeAny(Backup.self, file)
            #expect(backups.allSatisfy { $0.name == "backup001" }, "\(file.lastPathComponent)")
        }
        let newest = try Backup.show(from: Self.file("cinder/backups/v3.56/backup-show-response.json"))
        #expect(newest.projectID == "89afd400-b646-4bbc-b12b-c0a4d63e5bd3")
        #expect(newest.isIncremental == false && newest.hasDependentBackups == false)
        #expect(newest.volumeID == "e763a78b-edc5-48fb-bbb3-fddc1062e27a")
        #expect(try Self.file("cinder/backups/v3.56/backups-list-detailed-response.json")["count"]?.intValue == 1)
    }

    @Test func volumeTypesDecodeWithExtraSpecs() throws {
        // The folder also holds a type's access list and encryption (CinderGroupsSampleTests).
        let files = Samples.samples("cinder/volume_type", matching: "^volume-type(s-list|-show|-default)-response")
        #expect(files.count == 3)
        for file in files {
            let types = try Samples.decodeAny(VolumeType.self, file)
            #expect(types.allSatisfy { $0.isPublic == true }, "\(file.lastPathComponent)")
        }
        let list = try VolumeType.list(from: Self.file("cinder/volume_type/volume-types-list-response.json"))
        #expect(list.map(\.name) == ["vol-type-002", "vol-type-001", "__DEFAULT__"])
        #expect(list[0].extraSpecs == ["capabilities": "gpu"])
        // The default-type sample has only is_public; the older key is also read.
        let fallback = try VolumeType(json: ["id": "x", "os-volume-type-access:is_public": false])
        #expect(fallback.isPublic == false)
    }

    @Test func poolsDecodeWithCapacities() throws {
        let pools = try VolumePool.list(from: Self.file("cinder/pools-list-detailed-response.json"))
        #expect(pools.map(\.name) == ["pool1", "pool2"])
        #expect(pools[0].totalCapacityGB == 1024 && pools[0].freeCapacityGB == 100)
        #expect(pools[1].storageProtocol == "iSER" && pools[1].backendName == "pool2")
        let infinite = try VolumePool(json: ["name": "a@b#c", "capabilities": ["total_capacity_gb": "infinite"]])
        #expect(infinite.totalCapacityGB == nil && infinite.poolName == "c" && infinite.host == "a@b")
    }

    @Test func attachmentsDecode() throws {
        let files = Samples.samples("cinder", matching: "^attachment-")
        #expect(files.count == 3)
        for file in files {
            for attachment in try Samples.decodeAny(VolumeAttachment.self, file) {
                #expect(attachment.instanceID != nil && attachment.volumeID == "462dcc2d-130d-4654-8db1-da0df2da6a0d")
                #expect(attachment.status == "attaching")
            }
        }
        let one = try VolumeAttachment.show(from: Self.file("cinder/attachment-show-response.json"))
        #expect(one.attachMode == "ro" && one.attachedAt == "2015-09-16T09:28:52.000000")
    }

    @Test func limitsDecode() throws {
        let limits = try VolumeLimits.show(from: Self.file("cinder/limits/limits-show-response.json"))
        #expect(limits.usage(of: "volumes") == .init(limit: 10, used: 0))
        #expect(limits.usage(of: "gigabytes") == .init(limit: 1000, used: 0))
        #expect(limits.usage(of: "backup_gigabytes") == .init(limit: 1000, used: 0))
        #expect(limits.usage(of: "groups") == nil)
    }

    @Test func quotaSetsDecodeWithAndWithoutUsage() throws {
        let files = Samples.samples("cinder", matching: "quotas-show")
        #expect(files.count == 4)
        for file in files {
            let quotas = try VolumeQuotaSet.show(from: Samples.load(file))
            #expect(!quotas.quotas.isEmpty && quotas.projectID != nil, "\(file.lastPathComponent)")
        }
        let usage = try VolumeQuotaSet.show(from: Self.file("cinder/quota_sets/quotas-show-usage-response.json"))
        #expect(usage.quotas["volumes"] == .init(limit: 10, inUse: 0, reserved: 0))
        #expect(usage.quotas["gigabytes___DEFAULT__"]?.limit == -1)
        let plain = try VolumeQuotaSet.show(from: Self.file("cinder/quota_sets/quotas-show-response.json"))
        #expect(plain.quotas["backups"] == .init(limit: 10))
        #expect(plain.projectID == "fake_tenant")
    }

    @Test func imageShowKeepsEveryCustomProperty() throws {
        var json = try Self.file("glance/image-show-response.json")
        #expect(try Image.show(from: json).properties.isEmpty)
        if case .object(var members) = json {
            members["hw_disk_bus"] = "scsi"
            json = .object(members)
        }
        #expect(try Image.show(from: json).properties == ["hw_disk_bus": "scsi"])
    }

    @Test func projectsDecodeFromEveryProjectListing() throws {
        let files = Samples.samples("keystone/admin", matching: "^(projects-|project-|user-projects|get-available-project)")
        #expect(files.count == 4)
        for file in files { #expect(try !Samples.decodeAny(Project.self, file).isEmpty, "\(file.lastPathComponent)") }
        let list = try Project.list(from: Self.file("keystone/admin/projects-list-response.json"))
        #expect(list.count == 8 && list[0].name == "admin" && list[0].domainID == "default" && list[0].isDomain == false)
        #expect(try Project.show(from: Self.file("keystone/admin/project-show-response.json")).parentID == "default")
    }

    @Test func usersRegionsAndDomainsDecode() throws {
        let users = try User.list(from: Self.file("keystone/admin/users-list-response.json"))
        #expect(users.count == 13 && users.contains { $0.passwordExpiresAt != nil })
        let one = try User.show(from: Self.file("keystone/admin/user-show-response.json"))
        #expect(one.defaultProjectID == "263fd9" && one.domainID == "1789d1")
        let regions = try Region.list(from: Self.file("keystone/admin/regions-list-response.json"))
        #expect(regions.map(\.id) == ["RegionOne"] && regions[0].parentRegionID == nil)
        #expect(try Region.show(from: Self.file("keystone/admin/region-show-response.json")).parentRegionID == "RegionOne")
        let domains = try Domain.list(from: Self.file("keystone/admin/domains-list-response.json"))
        #expect(domains.map(\.id) == ["5a75994a383c449184053ff7270c4e91", "default"])
    }

    /// Keystone's api-ref documents role assignments without a sample file; this is its shape.
    @Test func roleAssignmentsDecodeEveryScope() throws {
        let document: JSONValue = [
            "role_assignments": [
                ["role": ["id": "r1", "name": "admin"], "scope": ["project": ["id": "p1", "name": "demo", "domain": ["id": "default", "name": "Default"]]],
                 "user": ["id": "u1", "name": "alice", "domain": ["id": "default", "name": "Default"]], "links": ["assignment": "x"]],
                ["role": ["id": "r2"], "scope": ["domain": ["id": "d1"]], "group": ["id": "g1"], "links": ["assignment": "y"]],
                ["role": ["id": "r1"], "scope": ["system": ["all": true]], "user": ["id": "u1"], "links": ["assignment": "z"]],
                ["role": ["id": "r3"], "scope": ["project": ["id": "p2"], "OS-INHERIT:inherited_to": "projects"], "user": ["id": "u2"]],
            ],
            "links": ["self": "x", "previous": nil, "next": nil],
        ]
        let assignments = try RoleAssignment.list(from: document)
        #expect(assignments[0].project?.domainName == "Default" && assignments[0].user?.name == "alice")
        #expect(assignments[1].group?.id == "g1" && assignments[1].domain?.id == "d1")
        #expect(assignments[2].system && !assignments[2].inherited)
        #expect(assignments[3].inherited)
        #expect(Set(assignments.map(\.key)).count == 4)
        #expect(throws: ModelError.self) { try RoleAssignment(json: ["scope": [:]]) }
    }
}
