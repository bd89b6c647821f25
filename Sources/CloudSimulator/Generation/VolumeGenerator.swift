import Foundation

/// Volumes: a root volume for every boot-from-volume server, then data volumes, some attached
/// (the link is recorded on both sides), ~30% bootable overall, and two in `error`. Data
/// volumes are on two backends (LVM and Ceph), by volume type.
extension DemoDataGenerator {
    static let volumeBackendHost = "controller@lvmdriver-1#lvmdriver-1"
    static let cephBackendHost = "controller@ceph#ceph"

    mutating func makeVolumes(attachingTo drafts: inout [ServerDraft]) {
        let total = serverCount / 2 + 3
        let sourceImages = parts.images.filter { $0.visibility == "public" && $0.status == "active" }
        let flavorDisk = Dictionary(uniqueKeysWithValues: parts.flavors.map { ($0.id, $0.disk) })
        var volumes: [DemoVolume] = []

        func attach(_ volumeID: String, to index: Int, device: String, at time: Date, rng: inout SplitMix64) -> DemoVolumeAttachment {
            let draft = drafts[index]
            drafts[index].volumesAttached.append(
                DemoAttachedVolume(volumeID: volumeID, deleteOnTermination: device == "/dev/vda")
            )
            return DemoVolumeAttachment(
                id: rng.uuid(), serverID: draft.id, volumeID: volumeID, device: device,
                hostName: draft.host, attachedAt: time
            )
        }

        for index in drafts.indices where drafts[index].imageID == nil {
            let draft = drafts[index]
            let volumeID = rng.uuid()
            let created = draft.created.addingTimeInterval(-20)
            let attachment = attach(volumeID, to: index, device: "/dev/vda", at: created.addingTimeInterval(30), rng: &rng)
            volumes.append(
                DemoVolume(
                    id: volumeID, name: "\(draft.name)-root", description: nil, status: "in-use",
                    size: max(10, flavorDisk[draft.flavorID] ?? 10), projectID: draft.projectID, userID: draft.userID,
                    bootable: true, attachments: [attachment], volumeType: "lvmdriver-1", availabilityZone: "nova",
                    host: Self.volumeBackendHost, encrypted: false, multiattach: false, metadata: ["attached_mode": "rw"],
                    createdAt: created, updatedAt: attachment.attachedAt, imageID: rng.pick(sourceImages).id
                )
            )
        }

        let attachable = drafts.indices.filter { drafts[$0].status != "BUILD" && drafts[$0].status != "ERROR" }
        let remaining = max(0, total - volumes.count)
        let projectIDs = parts.projects.map(\.id)
        for number in 0..<remaining {
            let volumeID = rng.uuid()
            let isError = number == 1 || (remaining > 4 && number == remaining - 2)
            let bootable = rng.chance(0.12)
            var status = isError ? "error" : "available"
            var attachments: [DemoVolumeAttachment] = []
            var project = rng.pick(projectIDs)
            var user = parts.users.first { $0.roleAssignments.contains { $0.projectID == project } }?.id ?? parts.users[0].id
            var created = daysAgo(rng.int(365))
            if !isError, !attachable.isEmpty, rng.chance(0.45) {
                let index = rng.pick(attachable)
                let draft = drafts[index]
                project = draft.projectID
                user = draft.userID
                let span = max(120, min(3 * 86_400, Int(reference.timeIntervalSince(draft.created))))
                created = draft.created.addingTimeInterval(Double(60 + rng.int(span)))
                let device = "/dev/vd" + String(UnicodeScalar(UInt8(98 + min(20, draft.volumesAttached.count))))
                attachments = [attach(volumeID, to: index, device: device, at: created.addingTimeInterval(40), rng: &rng)]
                status = "in-use"
            }
            let encrypted = rng.chance(0.1)
            // Every third plain data volume lives on the Ceph backend (no random draw, so the
            // rest of the data stays as it was).
            let onCeph = !encrypted && number % 3 == 2
            let label = String(number + 1)
            volumes.append(
                DemoVolume(
                    id: volumeID, name: "vol-" + String(repeating: "0", count: max(0, 4 - label.count)) + label,
                    description: rng.chance(0.3) ? "data volume" : nil, status: status,
                    size: rng.pick([1, 5, 10, 20, 50, 100]), projectID: project, userID: user, bootable: bootable,
                    attachments: attachments, volumeType: encrypted ? "luks" : onCeph ? "ceph-rbd" : "lvmdriver-1",
                    availabilityZone: "nova", host: onCeph ? Self.cephBackendHost : Self.volumeBackendHost, encrypted: encrypted, multiattach: false,
                    metadata: attachments.isEmpty ? [:] : ["attached_mode": "rw"], createdAt: created,
                    updatedAt: attachments.first?.attachedAt ?? created.addingTimeInterval(12),
                    imageID: bootable ? rng.pick(sourceImages).id : nil
                )
            )
        }
        parts.volumes = volumes.sorted { $0.createdAt > $1.createdAt }
    }
}
