import Foundation
import Testing

@testable import OpenStackKit

/// Cinder's api-ref samples of transfers, groups, group types, group snapshots, QoS specs and
/// their associations, and a volume type's access list and encryption, decode into our models.
@Suite struct CinderGroupsSampleTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent("cinder/" + path)) }

    @Test func transfersDecodeBeforeAndAfter3_57() throws {
        let listed = try VolumeTransfer.list(from: Self.file("volume_transfer/volume-transfers-list-detailed-response.json"))
        #expect(listed.map(\.name) == ["first volume"] && listed[0].createdAt != nil && listed[0].accepted == nil)
        #expect(try VolumeTransfer.list(from: Self.file("volume_transfer/volume-transfers-list-response.json")).count >= 1)
        _ = try VolumeTransfer.show(from: Self.file("volume_transfer/volume-transfer-show-response.json"))
        _ = try VolumeTransfer.show(from: Self.file("volume_transfers/v3.55/volume-transfers-show-response.json"))
        let new = try VolumeTransfer.show(from: Self.file("volume_transfers/v3.57/volume-transfers-show-response.json"))
        #expect(new.accepted == false && new.noSnapshots == false && new.destinationProjectID == nil)
        #expect(new.sourceProjectID == "89afd400-b646-4bbc-b12b-c0a4d63e5bd3")
        #expect(VolumeTransfer.declaration.listPath.description == "/volume-transfers/detail")
        #expect(VolumeTransfer.legacyListPath.description == "/os-volume-transfer/detail")
    }

    @Test func groupsTypesAndSnapshotsDecode() throws {
        let groups = try VolumeGroup.list(from: Self.file("groups-list-detailed-response.json"))
        #expect(groups.map(\.status) == ["available", "error"] && groups[0].volumeTypeIDs.count == 2)
        #expect(groups[0].volumeIDs == ["a2cdf1ad-5497-4e57-bd7d-f573768f3d03"] && groups[0].groupTypeID == "29514915-5208-46ab-9ece-1cc4688ad0c1")
        #expect(try VolumeGroup.list(from: Self.file("groups-list-response.json")).count == 2)
        #expect(try VolumeGroup.show(from: Self.file("group-show-response.json")).name == "first_group")

        let types = try GroupType.list(from: Self.file("group-types-list-response.json"))
        #expect(types.map(\.name) == ["group_type1", "group_type2"])
        #expect(types[0].groupSpecs == ["consistent_group_snapshot_enabled": "<is> False"] && types[0].isPublic == true)
        _ = try GroupType.show(from: Self.file("group-type-show-response.json"))
        _ = try GroupType.show(from: Self.file("group-type-default-response.json"))

        let snapshots = try GroupSnapshot.list(from: Self.file("group-snapshots-list-detailed-response.json"))
        #expect(snapshots.map(\.status) == ["available", "error"] && snapshots.allSatisfy { $0.groupID != nil && $0.groupTypeID != nil })
        #expect(try GroupSnapshot.list(from: Self.file("group-snapshots-list-response.json")).count == 2)
        #expect(try GroupSnapshot.show(from: Self.file("group-snapshots-show-response.json")).projectID != nil)
    }

    @Test func qosSpecsAndAssociationsDecode() throws {
        let specs = try QoSSpec.list(from: Self.file("qos/qos-list-response.json"))
        #expect(specs.map(\.consumer) == ["back-end"] && specs[0].specs.isEmpty)
        #expect(try QoSSpec.show(from: Self.file("qos/qos-show-response.json")).name == "reliability-spec")
        #expect(try QoSAssociation.list(from: Self.file("qos/qos_show_response.json")).isEmpty)
        let association = try QoSAssociation(json: ["association_type": "volume_type", "name": "gold", "id": "t1"])
        #expect(association.type == "volume_type" && association.name == "gold")
        #expect(QoSSpec.associationsPath("a b") == "/qos-specs/a%20b/associations")
    }

    @Test func aTypesAccessAndEncryptionDecode() throws {
        let access = try VolumeTypeAccess.list(from: Self.file("volume_type/volume-type-access-list-response.json"))
        #expect(access.map(\.projectID) == ["6f70656e737461636b20342065766572"])
        let encryption = VolumeTypeEncryption(json: try Self.file("volume_type/encryption-type-show-response.json"))
        #expect(encryption.isEncrypted && encryption.provider == "luks" && encryption.keySize == 256 && encryption.controlLocation == "front-end")
        #expect(!VolumeTypeEncryption(json: [:]).isEncrypted)
        #expect(VolumeTypeAccess.path(typeID: "t") == "/types/t/os-volume-type-access" && VolumeTypeEncryption.path(typeID: "t") == "/types/t/encryption")
    }
}
