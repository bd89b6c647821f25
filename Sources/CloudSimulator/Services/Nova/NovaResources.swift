import Foundation

/// Flavors and os-services.
extension NovaAPI {
    // MARK: Flavors

    private func visibleFlavors(_ request: IncomingRequest) -> [DemoFlavor] {
        let accessible = { (flavor: DemoFlavor) in flavor.isPublic || flavor.projectAccess.contains(request.projectID) }
        guard request.isAdmin, let isPublic = request.query.first("is_public")?.lowercased() else {
            return environment.data.flavors.filter(accessible)
        }
        switch isPublic {
        case "none": return environment.data.flavors
        case "false", "0", "no": return environment.data.flavors.filter { !$0.isPublic }
        default: return environment.data.flavors.filter(accessible)
        }
    }

    func listFlavors(_ request: IncomingRequest, version: APIVersion, detail: Bool) -> Reply {
        let visible = visibleFlavors(request)
        let limit: Int, marker: String?
        switch paging(request, exists: { id in visible.contains { $0.id == id } }) {
        case .value(let values): (limit, marker) = values
        case .reply(let reply): return reply
        }
        let minDisk = request.query.first("minDisk").flatMap(Int.init) ?? 0
        let minRAM = request.query.first("minRam").flatMap(Int.init) ?? 0
        let start = marker.flatMap { id in visible.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        let page = visible[start...].filter { $0.disk >= minDisk && $0.ram >= minRAM }.prefix(limit)
        let items = page.map { flavor -> JSON in
            if detail { return renderFlavor(flavor, request: request, version: version) }
            var item: JSON = ["id": .string(flavor.id), "links": links(request, "flavors", flavor.id), "name": .string(flavor.name)]
            if version >= APIVersion(2, 55) { item.set("description", .str(flavor.description)) }
            return item
        }
        var body: JSON = ["flavors": .array(items)]
        if let last = page.last, page.count == limit {
            body.set("flavors_links", [["rel": "next", "href": .string(request.link(replacing: [("marker", last.id)]))]])
        }
        return .json(body)
    }

    func showFlavor(_ request: IncomingRequest, id: String, version: APIVersion) -> Reply {
        guard let flavor = flavors[id], flavor.isPublic || request.isAdmin || flavor.projectAccess.contains(request.projectID)
        else { return error(404, "Flavor \(id) could not be found.", request) }
        return .json(["flavor": renderFlavor(flavor, request: request, version: version)])
    }

    private func renderFlavor(_ flavor: DemoFlavor, request: IncomingRequest, version: APIVersion) -> JSON {
        var body: JSON = [:]
        if version < APIVersion(2, 102) { body.set("OS-FLV-DISABLED:disabled", false) }
        body.set("disk", .int(flavor.disk))
        body.set("OS-FLV-EXT-DATA:ephemeral", .int(flavor.ephemeral))
        body.set("os-flavor-access:is_public", .bool(flavor.isPublic))
        body.set("id", .string(flavor.id))
        body.set("links", links(request, "flavors", flavor.id))
        body.set("name", .string(flavor.name))
        body.set("ram", .int(flavor.ram))
        body.set("swap", flavor.swap == 0 && version < APIVersion(2, 75) ? "" : .int(flavor.swap))
        body.set("vcpus", .int(flavor.vcpus))
        if version < APIVersion(2, 102) { body.set("rxtx_factor", .double(flavor.rxtxFactor)) }
        if version >= APIVersion(2, 55) { body.set("description", .str(flavor.description)) }
        if version >= APIVersion(2, 61) { body.set("extra_specs", .stringMap(flavor.extraSpecs)) }
        return body
    }

    // MARK: os-services

    func listServices(_ request: IncomingRequest, version: APIVersion) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-services:list", request) }
        let binary = request.query.first("binary"), host = request.query.first("host")
        let services = environment.data.computeServices.filter {
            (binary == nil || $0.binary == binary) && (host == nil || $0.host == host)
        }
        let items = services.map { service -> JSON in
            var item: JSON = [
                "id": version >= APIVersion(2, 53) ? .string(service.uuid) : .int(service.id),
                "binary": .string(service.binary),
                "disabled_reason": .str(service.disabledReason),
                "host": .string(service.host),
                "state": .string(service.state),
                "status": .string(service.status),
                "updated_at": .string(Timestamp.format(service.updatedAt, .microseconds)),
            ]
            if version >= APIVersion(2, 11) { item.set("forced_down", .bool(service.forcedDown)) }
            item.set("zone", .string(service.zone))
            return item
        }
        return .json(["services": .array(items)])
    }
}
