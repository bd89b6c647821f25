import Foundation

/// Snapshots and backups: list (summary and detail), show, project scoping and filters.
extension CinderAPI {
    private var storage: DemoBlockStorage { environment.data.blockStorage }

    func listSnapshots(_ call: CinderCall, detail: Bool) -> Reply {
        let project: String?
        switch listScope(call, policy: "volume_extension:extended_snapshot_attributes") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        let query = call.request.query
        let status = query.first("status"), name = query.first("name"), volumeID = query.first("volume_id")
        let nameLike = query.first("name~")?.lowercased()
        return page(call, collection: "snapshots", items: storage.snapshots, id: \.id) { snapshot in
            (project == nil || snapshot.projectID == project) && (status == nil || snapshot.status == status)
                && (name == nil || snapshot.name == name) && (volumeID == nil || snapshot.volumeID == volumeID)
                && (nameLike == nil || snapshot.name.lowercased().contains(nameLike!))
        } render: { renderSnapshot($0, call, detail: detail) }
    }

    func showSnapshot(_ call: CinderCall, id: String) -> Reply {
        guard let snapshot = storage.snapshot(id: id), visible(snapshot.projectID, call) else {
            return error(404, "Snapshot \(id) could not be found.", call.request)
        }
        return .json(["snapshot": renderSnapshot(snapshot, call, detail: true)])
    }

    private func renderSnapshot(_ snapshot: DemoSnapshot, _ call: CinderCall, detail: Bool) -> JSON {
        var body: JSON = [
            "created_at": .string(Timestamp.format(snapshot.createdAt, .microseconds)),
            "description": .str(snapshot.description), "id": .string(snapshot.id),
            "metadata": .stringMap(snapshot.metadata), "name": .string(snapshot.name),
        ]
        if detail {
            body.set("os-extended-snapshot-attributes:progress", .string(snapshot.progress))
            body.set("os-extended-snapshot-attributes:project_id", .string(snapshot.projectID))
        }
        body.set("size", .int(snapshot.size))
        body.set("status", .string(snapshot.status))
        body.set("updated_at", .string(Timestamp.format(snapshot.updatedAt, .microseconds)))
        body.set("volume_id", .string(snapshot.volumeID))
        if call.version >= APIVersion(3, 14) { body.set("group_snapshot_id", nil) }
        if call.version >= APIVersion(3, 41) { body.set("user_id", .string(snapshot.userID)) }
        if call.version >= APIVersion(3, 65) { body.set("consumes_quota", true) }
        return body
    }

    func listBackups(_ call: CinderCall, detail: Bool) -> Reply {
        let project: String?
        switch listScope(call, policy: "backup:get_all") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        let query = call.request.query
        let status = query.first("status"), name = query.first("name"), volumeID = query.first("volume_id")
        return page(call, collection: "backups", items: storage.backups, id: \.id) { backup in
            (project == nil || backup.projectID == project) && (status == nil || backup.status == status)
                && (name == nil || backup.name == name) && (volumeID == nil || backup.volumeID == volumeID)
        } render: { backup in
            detail
                ? renderBackup(backup, call)
                : [
                    "id": .string(backup.id), "links": resourceLinks("backups", backup.id, call),
                    "name": .string(backup.name),
                ]
        }
    }

    func showBackup(_ call: CinderCall, id: String) -> Reply {
        guard let backup = storage.backup(id: id), visible(backup.projectID, call) else {
            return error(404, "Backup \(id) could not be found.", call.request)
        }
        return .json(["backup": renderBackup(backup, call)])
    }

    private func renderBackup(_ backup: DemoBackup, _ call: CinderCall) -> JSON {
        var body: JSON = [
            "availability_zone": "nova", "container": .string(backup.container),
            "created_at": .string(Timestamp.format(backup.createdAt, .microseconds)),
            "data_timestamp": .string(Timestamp.format(backup.dataTimestamp, .microseconds)),
            "description": .str(backup.description), "fail_reason": .str(backup.failReason),
            "has_dependent_backups": .bool(backup.hasDependentBackups), "id": .string(backup.id),
            "is_incremental": .bool(backup.isIncremental), "links": resourceLinks("backups", backup.id, call),
        ]
        if call.version >= APIVersion(3, 43) { body.set("metadata", [:]) }
        body.set("name", .string(backup.name))
        body.set("object_count", .int(backup.objectCount))
        if call.version >= APIVersion(3, 18) {
            body.set("os-backup-project-attr:project_id", .string(backup.projectID))
        }
        body.set("size", .int(backup.size))
        body.set("snapshot_id", .str(backup.snapshotID))
        body.set("status", .string(backup.status))
        body.set("updated_at", .string(Timestamp.format(backup.updatedAt, .microseconds)))
        if call.version >= APIVersion(3, 56) { body.set("user_id", .string(backup.userID)) }
        body.set("volume_id", .string(backup.volumeID))
        if call.version >= APIVersion(3, 64) { body.set("encryption_key_id", nil) }
        return body
    }
}
