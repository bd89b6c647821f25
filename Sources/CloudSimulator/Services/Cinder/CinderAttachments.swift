import Foundation

/// The attachments API (microversion 3.27+): one record per volume attachment, with the
/// connection info (CHAP or cephx credentials included, as the real API returns them to admins).
extension CinderAPI {
    private func attachmentsAvailable(_ call: CinderCall) -> Reply? {
        call.version >= APIVersion(3, 27) ? nil : error(404, "The resource could not be found.", call.request)
    }

    func listAttachments(_ call: CinderCall, detail: Bool) -> Reply {
        if let reply = attachmentsAvailable(call) { return reply }
        let project: String?
        switch listScope(call, policy: "volume:attachment_get_all") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        let query = call.request.query
        let volumeID = query.first("volume_id"), instanceID = query.first("instance_id")
        let status = query.first("status") ?? query.first("attach_status")
        return page(
            call, collection: "attachments", items: environment.data.volumeAttachments, id: { $0.attachment.id }, linked: false
        ) { pair in
            (project == nil || pair.volume.projectID == project) && (volumeID == nil || pair.volume.id == volumeID)
                && (instanceID == nil || pair.attachment.serverID == instanceID) && (status == nil || status == "attached")
        } render: { pair in
            renderAttachment(pair.volume, pair.attachment, detail: detail)
        }
    }

    func showAttachment(_ call: CinderCall, id: String) -> Reply {
        if let reply = attachmentsAvailable(call) { return reply }
        guard let pair = environment.data.volumeAttachments.first(where: { $0.attachment.id == id }),
            visible(pair.volume.projectID, call)
        else { return error(404, "Attachment \(id) could not be found.", call.request) }
        return .json(["attachment": renderAttachment(pair.volume, pair.attachment, detail: true)])
    }

    private func renderAttachment(_ volume: DemoVolume, _ attachment: DemoVolumeAttachment, detail: Bool) -> JSON {
        var body: JSON = ["status": "attached"]
        if detail {
            body.set("detached_at", nil)
            body.set("connection_info", connectionInfo(volume))
            body.set("attached_at", .string(Timestamp.format(attachment.attachedAt, .microseconds)))
            body.set("attach_mode", .string(volume.metadata["attached_mode"] ?? "rw"))
        }
        body.set("instance", .string(attachment.serverID))
        body.set("volume_id", .string(volume.id))
        body.set("id", .string(attachment.id))
        return body
    }

    /// What os-brick would need to connect: an iSCSI target with CHAP for LVM, RBD for Ceph.
    private func connectionInfo(_ volume: DemoVolume) -> JSON {
        let digest = String(stableHash("chap:\(volume.id)"), radix: 16)
        if volume.host == DemoDataGenerator.cephBackendHost {
            return [
                "driver_volume_type": "rbd",
                "data": [
                    "name": .string("volumes/volume-\(volume.id)"), "hosts": ["192.168.122.10"], "ports": ["6789"],
                    "cluster_name": "ceph", "auth_enabled": true, "auth_username": "cinder", "secret_type": "ceph",
                    "secret_uuid": .string(digest), "volume_id": .string(volume.id), "access_mode": "rw",
                    "encrypted": .bool(volume.encrypted),
                ],
            ]
        }
        return [
            "driver_volume_type": "iscsi",
            "data": [
                "target_discovered": false, "target_iqn": .string("iqn.2010-10.org.openstack:volume-\(volume.id)"),
                "target_portal": "192.168.122.10:3260", "target_lun": 0, "volume_id": .string(volume.id),
                "auth_method": "CHAP", "auth_username": .string(DemoCanaries.chapUsername),
                "auth_password": .string(DemoCanaries.chapPassword), "access_mode": "rw", "encrypted": .bool(volume.encrypted),
            ],
        ]
    }
}
