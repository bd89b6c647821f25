import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The Cinder reads of issue 23: transfers, groups, group types, group snapshots, QoS specs with
/// their associations, and one volume type with its access list and encryption.
@Suite struct CinderGroupsAndTransfersTests {
    @Test func transfersByProjectAndOnAnOlderCinder() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let admin = try #require(data.project(named: DemoCloud.adminProject))
            let own = try await client.call("get_volume_transfers")
            #expect(!own.isError, "\(own.text)")
            let expected = data.cinderExtras.transfers.filter { $0.projectID == admin.id }
            #expect(own.items.compactMap { $0["id"]?.stringValue } == expected.map(\.id) && !expected.isEmpty, "\(own.text)")
            let first = try #require(own.items.first)
            #expect(first["volume_name"]?.stringValue == data.volume(id: expected[0].volumeID)?.name)
            #expect(first["source_project_id"]?.stringValue == admin.id && first["accepted"] == false, "3.57 fields: \(own.text)")
            let all = try await client.call("get_volume_transfers", ["all_projects": true])
            #expect(all.items.count == data.cinderExtras.transfers.count && all.items.count == 2, "\(all.text)")
        }
        // Before 3.55 the list is /os-volume-transfer, without the 3.57 fields.
        try await ServerHarness.run(volumeMicroversion: 50) { harness in
            harness.cloud.resetRequestLog()
            let old = try await harness.client().call("get_volume_transfers", ["all_projects": true])
            #expect(old.items.count == 2 && old.items.allSatisfy { $0["source_project_id"] == nil }, "\(old.text)")
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-volume-transfer/detail") })
        }
    }

    @Test func groupsTheirTypesAndSnapshotsNamed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let extras = harness.cloud.data.cinderExtras
            let group = try #require(extras.groups.first)
            let groups = try await client.call("get_volume_groups")
            let row = try #require(groups.items.first, "\(groups.text)")
            #expect(row["id"]?.stringValue == group.id && row["status"] == "available")
            #expect(row["group_type_name"] == "consistent-snapshots" && row["volumes"]?.arrayValue?.count == group.volumeIDs.count, "\(groups.text)")
            let typeNames = Set(harness.cloud.data.blockStorage.volumeTypes.filter { group.volumeTypeIDs.contains($0.id) }.map(\.name))
            #expect(Set(row["volume_types"]?.arrayValue?.compactMap(\.stringValue) ?? []) == typeNames)

            let types = try await client.call("get_group_types", ["detail_level": "basic"])
            #expect(types.items.compactMap { $0["name"]?.stringValue } == extras.groupTypes.map(\.name))
            #expect(types.items.contains { $0["group_specs"]?["consistent_group_snapshot_enabled"] == "<is> True" })

            let snapshots = try await client.call("get_group_snapshots")
            #expect(snapshots.items.first?["group_name"] == "db-volumes" && snapshots.items.count == extras.groupSnapshots.count, "\(snapshots.text)")
        }
        try await ServerHarness.run(volumeMicroversion: 12) { harness in
            let client = harness.client()
            let groups = try await client.call("get_volume_groups")
            #expect(groups.isError && groups.text.contains("3.13"), "\(groups.text)")
            let snapshots = try await client.call("get_group_snapshots")
            #expect(snapshots.isError && snapshots.text.contains("3.14"), "\(snapshots.text)")
            #expect(try await !client.call("get_group_types").isError, "group types exist from 3.11")
        }
    }

    @Test func qosSpecsWithTheirTypesAndAVolumeTypeWithAccessAndEncryption() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let qos = try await client.call("get_qos_specs")
            #expect(qos.items.count == data.cinderExtras.qosSpecs.count, "\(qos.text)")
            let gold = try #require(qos.items.first { $0["name"] == "gold-iops" })
            #expect(gold["associations"] == ["gold-private"] && gold["properties"]?["total_iops_sec"] == "2000", "\(qos.text)")
            #expect(qos.items.first { $0["name"] == "bronze-front-end" }?["associations"] == [])

            let privateType = try await client.call("get_volume_type", ["type": "gold-private"])
            let item = privateType.structured["item"] ?? .null
            #expect(item["is_public"] == false && item["qos_specs_id"]?.stringValue == data.cinderExtras.qosSpecs.first { $0.name == "gold-iops" }?.id, "\(privateType.text)")
            let names = Set(item["access"]?.arrayValue?.compactMap { $0["project_name"]?.stringValue } ?? [])
            #expect(names == [DemoCloud.memberProject, DemoCloud.altProject], "\(privateType.text)")
            #expect(item["encryption"] == .null)
            let luks = try await client.call("get_volume_type", ["type": "luks"])
            #expect(luks.structured["item"]?["encryption"]?["provider"] == "luks" && luks.structured["item"]?["access"] == nil, "\(luks.text)")
            let missing = try await client.call("get_volume_type", ["type": "no-such-type"])
            #expect(missing.isError && missing.text.contains("no-such-type"))
        }
    }

    @Test func aMemberIsToldWhatNeedsTheAdminRole() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let qos = try await client.call("get_qos_specs")
            #expect(qos.isError && qos.text.contains("403"), "\(qos.text)")
            let luks = try await client.call("get_volume_type", ["type": "luks"])
            #expect(!luks.isError && luks.structured["item"]?["encryption"] == nil, "\(luks.text)")
            #expect(luks.structured["notes"]?.arrayValue?.contains { $0.stringValue?.contains("admin role") == true } == true, "\(luks.text)")
            let member = try #require(harness.cloud.data.project(named: DemoCloud.memberProject))
            let transfers = try await client.call("get_volume_transfers")
            #expect(transfers.items.compactMap { $0["id"]?.stringValue } == harness.cloud.data.cinderExtras.transfers.filter { $0.projectID == member.id }.map(\.id))
        }
    }
}
