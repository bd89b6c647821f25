import Foundation

/// Draws Cinder's transfers, groups and QoS specs from the demo's volumes, types and projects:
/// a transfer of an available, unattached volume in the admin project and in the member's, a
/// group of two admin volumes with a snapshot, and QoS specs on the private type.
enum CinderExtrasGenerator {
    static let luksEncryptionID = "81e069c6-7394-4856-8df7-3b237ca61f74"
    static let privateTypeID = "9b7c2d4e-1f3a-4c5b-8d6e-0a1b2c3d4e5f"
    static let goldQoSID = "0b1d2c3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e"

    /// `gold-private`: a private type the member and alt projects may use, with QoS.
    static func privateTypes(projects: [DemoProject]) -> [DemoVolumeType] {
        let access = projects.filter { ["demo", "alt"].contains($0.name) }.map(\.id)
        return [
            DemoVolumeType(
                id: privateTypeID, name: "gold-private", description: "Reserved fast LVM for selected projects",
                isPublic: false, extraSpecs: ["volume_backend_name": "lvmdriver-1"], projectAccess: access, qosSpecsID: goldQoSID),
        ]
    }

    static func generate(seed: UInt64, volumes: [DemoVolume], projects: [DemoProject], types: [DemoVolumeType], reference: Date) -> DemoCinderExtras {
        var rng = SplitMix64(seed: seed ^ 0xC1_4DE2_E77A)
        let free = volumes.filter { $0.status == "available" && $0.attachments.isEmpty }
        var transfers: [DemoVolumeTransfer] = []
        for projectName in ["admin", "demo"] {
            guard let project = projects.first(where: { $0.name == projectName }),
                let volume = free.first(where: { $0.projectID == project.id })
            else { continue }
            transfers.append(DemoVolumeTransfer(
                id: rng.uuid(), name: "handover-\(volume.name)", volumeID: volume.id, projectID: project.id,
                createdAt: reference.addingTimeInterval(-3600 * Double(6 + transfers.count))))
        }
        let defaultGroupType = DemoGroupType(
            id: rng.uuid(), name: "default_group_type", description: "Default group type", isPublic: true, groupSpecs: [:])
        let consistent = DemoGroupType(
            id: rng.uuid(), name: "consistent-snapshots", description: "Groups whose snapshots are taken together",
            isPublic: true, groupSpecs: ["consistent_group_snapshot_enabled": "<is> True"])
        var groups: [DemoVolumeGroup] = []
        var snapshots: [DemoGroupSnapshot] = []
        if let admin = projects.first(where: { $0.name == "admin" }) {
            let members = Array(volumes.filter { $0.projectID == admin.id && $0.status == "in-use" }.prefix(2))
            let typeIDs = Array(Set(members.compactMap { volume in types.first { $0.name == volume.volumeType }?.id })).sorted()
            if !members.isEmpty {
                let group = DemoVolumeGroup(
                    id: rng.uuid(), name: "db-volumes", description: "The database's data and log volumes", status: "available",
                    groupTypeID: consistent.id, volumeTypeIDs: typeIDs, volumeIDs: members.map(\.id), projectID: admin.id,
                    availabilityZone: members[0].availabilityZone, createdAt: reference.addingTimeInterval(-86400 * 3))
                groups.append(group)
                snapshots.append(DemoGroupSnapshot(
                    id: rng.uuid(), name: "db-volumes-nightly", description: "Nightly consistent snapshot", status: "available",
                    groupID: group.id, groupTypeID: consistent.id, projectID: admin.id, createdAt: reference.addingTimeInterval(-86400)))
            }
        }
        let qos = [
            DemoQoSSpec(
                id: goldQoSID, name: "gold-iops", consumer: "back-end", specs: ["total_iops_sec": "2000", "total_bytes_sec": "209715200"],
                volumeTypeIDs: types.filter { $0.qosSpecsID == goldQoSID }.map(\.id)),
            DemoQoSSpec(
                id: rng.uuid(), name: "bronze-front-end", consumer: "front-end", specs: ["read_iops_sec": "500", "write_iops_sec": "250"],
                volumeTypeIDs: []),
        ]
        return DemoCinderExtras(
            transfers: transfers, groupTypes: [defaultGroupType, consistent], groups: groups, groupSnapshots: snapshots, qosSpecs: qos)
    }
}
