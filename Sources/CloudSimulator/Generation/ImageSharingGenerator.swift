import Foundation

/// The demo cloud's image sharing and import history:
/// - `centos-stream-9`, a shared image of demo that alt accepted and admin has not answered yet;
/// - three tasks: the import that made `centos-stream-9` (success), one for `rhel-9.4-upload`
///   that failed on its source URL (the image stays queued), and one still processing.
///
/// Drawn from a generator of its own and added after everything else, so every other seeded
/// value stays as it was.
extension DemoDataGenerator {
    mutating func makeImageSharing(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x696D_6167_6573_6872)
        let admin = projectID(named: DemoCloud.adminProject)
        let demo = projectID(named: DemoCloud.memberProject)
        let alt = projectID(named: DemoCloud.altProject)
        let created = reference.addingTimeInterval(-12 * 86_400)
        let shared = DemoImage(
            id: random.uuid(), name: "centos-stream-9", status: "active", visibility: "shared", owner: demo,
            diskFormat: "qcow2", containerFormat: "bare", size: 1_123 * 1_048_576, virtualSize: 10 * 1_073_741_824,
            minDisk: 10, minRAM: 1024, checksum: random.hex(32), osHashAlgo: "sha512", osHashValue: random.hex(128),
            protected: false, osHidden: false, tags: ["shared"], createdAt: created, updatedAt: created.addingTimeInterval(300),
            properties: ["os_distro": "centos", "os_version": "9", "hw_disk_bus": "virtio"])
        parts.images = (parts.images + [shared]).sorted { $0.createdAt > $1.createdAt }
        parts.imageMembers = [
            DemoImageMember(
                imageID: shared.id, memberID: alt, status: "accepted", createdAt: created.addingTimeInterval(600),
                updatedAt: created.addingTimeInterval(7_200)),
            DemoImageMember(
                imageID: shared.id, memberID: admin, status: "pending", createdAt: created.addingTimeInterval(900),
                updatedAt: created.addingTimeInterval(900)),
        ]

        let queued = parts.images.first { $0.status == "queued" }
        let failedAt = queued?.createdAt.addingTimeInterval(40) ?? reference.addingTimeInterval(-2 * 86_400)
        let runningAt = reference.addingTimeInterval(-600)
        parts.imageTasks = [
            DemoImageTask(
                id: random.uuid(), type: "api_image_import", status: "processing", owner: admin, imageID: nil, message: "",
                input: ["import_req": "web-download"], createdAt: runningAt, updatedAt: runningAt.addingTimeInterval(30), expiresAt: nil),
            DemoImageTask(
                id: random.uuid(), type: "api_image_import", status: "failure", owner: demo, imageID: queued?.id,
                message: "Image import failed: the source URL https://mirror.example.com/rhel-9.4-x86_64-kvm.qcow2 answered 404 Not Found",
                input: ["import_req": "web-download"], createdAt: failedAt, updatedAt: failedAt.addingTimeInterval(20),
                expiresAt: failedAt.addingTimeInterval(48 * 3600)),
            DemoImageTask(
                id: random.uuid(), type: "api_image_import", status: "success", owner: demo, imageID: shared.id, message: "",
                input: ["import_req": "glance-direct"], createdAt: created, updatedAt: created.addingTimeInterval(300),
                expiresAt: created.addingTimeInterval(300 + 48 * 3600)),
        ].sorted { $0.createdAt > $1.createdAt }
    }
}
