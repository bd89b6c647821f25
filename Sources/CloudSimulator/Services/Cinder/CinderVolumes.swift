import Foundation

/// Volume list/detail/show with project scoping, filters and marker paging.
extension CinderAPI {
    func listVolumes(_ call: CinderCall, detail: Bool) -> Reply {
        let request = call.request
        let query = request.query
        // Real Cinder ignores all_tenants for a non-admin, and rejects the project filters it may not use.
        let allTenants = query.flag("all_tenants") && request.isAdmin
        if !request.isAdmin, let key = ["project_id", "tenant_id"].first(where: query.has) {
            return error(400, "Invalid filters \(key) are found in query options.", request)
        }
        let data = environment.data
        var limit = 1000
        if let text = query.first("limit") {
            guard let value = Int(text), value >= 0 else {
                return error(400, "Invalid input received: limit must be a non-negative integer", request)
            }
            limit = value == 0 ? 1000 : min(value, 1000)
        }
        let marker = query.first("marker")
        if let marker, data.volumeIndex[marker] == nil {
            return error(404, "Marker \(marker) could not be found.", request)
        }
        let project: String? = allTenants
            ? (query.first("project_id") ?? query.first("tenant_id")) : (query.first("project_id") ?? request.projectID)
        let status = query.first("status")?.lowercased()
        let name = query.first("name")
        let nameLike = query.first("name~")?.lowercased()
        var bootable: Bool?
        if let text = query.first("bootable")?.lowercased() { bootable = ["true", "1", "yes", "t"].contains(text) }

        var page: [DemoVolume] = []
        var index = marker.flatMap { data.volumeIndex[$0] }.map { $0 + 1 } ?? 0
        while index < data.volumes.count && page.count < limit {
            let volume = data.volumes[index]
            index += 1
            if let project, volume.projectID != project { continue }
            if let status, volume.status != status { continue }
            if let name, volume.name != name { continue }
            if let nameLike, !volume.name.lowercased().contains(nameLike) { continue }
            if let bootable, volume.bootable != bootable { continue }
            page.append(volume)
        }
        let items = page.map { volume -> JSON in
            detail
                ? renderVolume(volume, call)
                : ["id": .string(volume.id), "links": links(volume, call), "name": .string(volume.name)]
        }
        var body: JSON = ["volumes": .array(items)]
        if let last = page.last, page.count == limit {
            var replacements = [("marker", last.id)]
            if !query.has("limit") { replacements.insert(("limit", String(limit)), at: 0) }
            body.set("volumes_links", [["href": .string(request.link(replacing: replacements)), "rel": "next"]])
        }
        return .json(body)
    }

    func showVolume(_ call: CinderCall, id: String) -> Reply {
        guard let volume = environment.data.volume(id: id), call.request.isAdmin || volume.projectID == call.request.projectID
        else { return error(404, "Volume \(id) could not be found.", call.request) }
        return .json(["volume": renderVolume(volume, call)])
    }

    private func links(_ volume: DemoVolume, _ call: CinderCall) -> JSON {
        let base = call.request.baseURL
        return [
            ["href": .string("\(base)/volume/v3/\(call.projectSegment)/volumes/\(volume.id)"), "rel": "self"],
            ["href": .string("\(base)/volume/\(call.projectSegment)/volumes/\(volume.id)"), "rel": "bookmark"],
        ]
    }

    private func renderVolume(_ volume: DemoVolume, _ call: CinderCall) -> JSON {
        let admin = call.request.isAdmin
        let attachments = volume.attachments.map { attachment -> JSON in
            [
                "server_id": .string(attachment.serverID), "attachment_id": .string(attachment.id),
                "attached_at": .string(Timestamp.format(attachment.attachedAt, .microseconds)),
                "host_name": .str(attachment.hostName), "volume_id": .string(volume.id),
                "device": .string(attachment.device), "id": .string(volume.id),
            ]
        }
        var body: JSON = [
            "attachments": .array(attachments),
            "availability_zone": .string(volume.availabilityZone),
            "bootable": volume.bootable ? "true" : "false",
            "consistencygroup_id": nil,
            "created_at": .string(Timestamp.format(volume.createdAt, .microseconds)),
            "description": .str(volume.description),
            "encrypted": .bool(volume.encrypted),
            "id": .string(volume.id),
            "links": links(volume, call),
            "metadata": .stringMap(volume.metadata),
            "multiattach": .bool(volume.multiattach),
            "name": .string(volume.name),
        ]
        if admin {
            // Real Cinder shows the migration status to admins only.
            body.set("migration_status", nil)
            // A volume the scheduler could not place has no host.
            body.set("os-vol-host-attr:host", volume.host.isEmpty ? nil : .string(volume.host))
            body.set("os-vol-mig-status-attr:migstat", nil)
            body.set("os-vol-mig-status-attr:name_id", nil)
        }
        body.set("os-vol-tenant-attr:tenant_id", .string(volume.projectID))
        body.set("replication_status", "disabled")
        body.set("size", .int(volume.size))
        body.set("snapshot_id", nil)
        body.set("source_volid", nil)
        body.set("status", .string(volume.status))
        body.set("updated_at", .string(Timestamp.format(volume.updatedAt, .microseconds)))
        body.set("user_id", .string(volume.userID))
        body.set("volume_type", .string(volume.volumeType))
        if let imageID = volume.imageID {
            let image = environment.data.image(id: imageID)
            body.set("volume_image_metadata", [
                "image_id": .string(imageID), "image_name": .str(image?.name), "checksum": .str(image?.checksum),
                "container_format": .str(image?.containerFormat), "disk_format": .str(image?.diskFormat),
                "min_disk": .string(String(image?.minDisk ?? 0)), "min_ram": .string(String(image?.minRAM ?? 0)),
                "size": .string(String(image?.size ?? 0)),
            ])
        }
        let version = call.version
        if version >= APIVersion(3, 13) { body.set("group_id", nil) }
        if version >= APIVersion(3, 21), admin { body.set("provider_id", nil) }
        if version >= APIVersion(3, 48) {
            body.set("service_uuid", "9f2e4c1a-6b1d-4a55-9d3f-2f0b8a7c6e01")
            body.set("shared_targets", false)
        }
        if version >= APIVersion(3, 61), admin { body.set("cluster_name", nil) }
        if version >= APIVersion(3, 63) {
            body.set("volume_type_id", .str(environment.data.blockStorage.volumeType(named: volume.volumeType)?.id))
        }
        if version >= APIVersion(3, 65) { body.set("consumes_quota", true) }
        return body
    }
}
