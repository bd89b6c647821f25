import Foundation

/// Cinder's volume transfers (`/volume-transfers` from 3.55, `/os-volume-transfer` always),
/// generic groups (3.13), group types (3.11) and group snapshots (3.14), each 404 below its
/// microversion, as Cinder's router answers.
extension CinderAPI {
    /// The route of these collections, or nil for other paths.
    func routeGroupsAndTransfers(_ call: CinderCall, _ path: [String]) -> Reply? {
        let extras = environment.data.cinderExtras
        switch path {
        case ["volume-transfers"], ["volume-transfers", "detail"]:
            guard call.version >= APIVersion(3, 55) else { return notFound(call) }
            return listTransfers(call, detail: path.count == 2, v355: true)
        case ["os-volume-transfer"], ["os-volume-transfer", "detail"]:
            return listTransfers(call, detail: path.count == 2, v355: call.version >= APIVersion(3, 55))
        case ["group_types"]:
            guard call.version >= APIVersion(3, 11) else { return notFound(call) }
            let types = extras.groupTypes.filter { $0.isPublic || call.request.isAdmin }
            return .json(["group_types": .array(types.map { renderGroupType($0, call) })])
        case ["groups"], ["groups", "detail"]:
            guard call.version >= APIVersion(3, 13) else { return notFound(call) }
            return listGroups(call, detail: path.count == 2)
        case ["group_snapshots"], ["group_snapshots", "detail"]:
            guard call.version >= APIVersion(3, 14) else { return notFound(call) }
            return listGroupSnapshots(call, detail: path.count == 2)
        default: break
        }
        guard path.count == 2 else { return nil }
        switch path[0] {
        case "group_types" where call.version >= APIVersion(3, 11):
            guard let type = extras.groupTypes.first(where: { $0.id == path[1] }) else {
                return error(404, "Group type \(path[1]) could not be found.", call.request)
            }
            return .json(["group_type": renderGroupType(type, call)])
        case "groups" where call.version >= APIVersion(3, 13):
            guard let group = extras.groups.first(where: { $0.id == path[1] }), visible(group.projectID, call) else {
                return error(404, "Group \(path[1]) could not be found.", call.request)
            }
            return .json(["group": renderGroup(group, call, detail: true)])
        default: return nil
        }
    }

    private func notFound(_ call: CinderCall) -> Reply { error(404, "The resource could not be found.", call.request) }

    private func listTransfers(_ call: CinderCall, detail: Bool, v355: Bool) -> Reply {
        let project: String?
        switch listScope(call, policy: "volume:get_all_transfers") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        return page(call, collection: "transfers", items: environment.data.cinderExtras.transfers, id: \.id) { transfer in
            project == nil || transfer.projectID == project
        } render: { transfer in
            var body: JSON = [
                "id": .string(transfer.id), "name": .string(transfer.name), "volume_id": .string(transfer.volumeID),
                "links": resourceLinks(v355 ? "volume-transfers" : "os-volume-transfer", transfer.id, call),
            ]
            guard detail else { return body }
            body.set("created_at", .string(Timestamp.format(transfer.createdAt, .microseconds)))
            if call.version >= APIVersion(3, 57) {
                body.set("source_project_id", .string(transfer.projectID))
                body.set("destination_project_id", nil)
                body.set("accepted", false)
                body.set("no_snapshots", false)
            }
            return body
        }
    }

    private func renderGroupType(_ type: DemoGroupType, _ call: CinderCall) -> JSON {
        [
            "id": .string(type.id), "name": .string(type.name), "description": .str(type.description),
            "is_public": .bool(type.isPublic), "group_specs": .stringMap(call.request.isAdmin ? type.groupSpecs : [:]),
        ]
    }

    private func listGroups(_ call: CinderCall, detail: Bool) -> Reply {
        let project: String?
        switch listScope(call, policy: "group:get_all") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        return page(call, collection: "groups", items: environment.data.cinderExtras.groups, id: \.id) { group in
            project == nil || group.projectID == project
        } render: { renderGroup($0, call, detail: detail) }
    }

    private func renderGroup(_ group: DemoVolumeGroup, _ call: CinderCall, detail: Bool) -> JSON {
        var body: JSON = ["id": .string(group.id), "name": .string(group.name)]
        guard detail else { return body }
        body.set("status", .string(group.status))
        body.set("description", .str(group.description))
        body.set("availability_zone", .string(group.availabilityZone))
        body.set("created_at", .string(Timestamp.format(group.createdAt, .microseconds)))
        body.set("group_type", .string(group.groupTypeID))
        body.set("volume_types", .strings(group.volumeTypeIDs))
        if call.version >= APIVersion(3, 25), call.request.query.flag("list_volume") { body.set("volumes", .strings(group.volumeIDs)) }
        if call.version >= APIVersion(3, 38) { body.set("replication_status", "disabled") }
        body.set("project_id", .string(group.projectID))
        body.set("group_snapshot_id", nil)
        body.set("source_group_id", nil)
        return body
    }

    private func listGroupSnapshots(_ call: CinderCall, detail: Bool) -> Reply {
        let project: String?
        switch listScope(call, policy: "group:get_all_group_snapshots") {
        case .reply(let reply): return reply
        case .value(let scope): project = scope
        }
        return page(call, collection: "group_snapshots", items: environment.data.cinderExtras.groupSnapshots, id: \.id) { snapshot in
            project == nil || snapshot.projectID == project
        } render: { snapshot in
            var body: JSON = ["id": .string(snapshot.id), "name": .string(snapshot.name)]
            guard detail else { return body }
            body.set("status", .string(snapshot.status))
            body.set("description", .str(snapshot.description))
            body.set("group_id", .string(snapshot.groupID))
            body.set("created_at", .string(Timestamp.format(snapshot.createdAt, .microseconds)))
            if call.version >= APIVersion(3, 29) { body.set("group_type_id", .string(snapshot.groupTypeID)) }
            if call.version >= APIVersion(3, 58) { body.set("project_id", .string(snapshot.projectID)) }
            return body
        }
    }
}
