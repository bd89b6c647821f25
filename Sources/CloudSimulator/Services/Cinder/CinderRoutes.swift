import Foundation

/// Routes for Cinder resources beyond volumes and services, and the paging they share.
extension CinderAPI {
    /// Snapshots, backups, types, pools, limits, quotas and attachments; nil for other paths.
    func routeStorage(_ call: CinderCall, _ path: [String]) -> Reply? {
        if let reply = routeGroupsAndTransfers(call, path) ?? routeTypeExtras(call, path) { return reply }
        switch path {
        case ["snapshots"]: return listSnapshots(call, detail: false)
        case ["snapshots", "detail"]: return listSnapshots(call, detail: true)
        case ["backups"]: return listBackups(call, detail: false)
        case ["backups", "detail"]: return listBackups(call, detail: true)
        case ["types"]: return listTypes(call)
        case ["scheduler-stats", "get_pools"]: return listPools(call)
        case ["limits"]: return showLimits(call)
        case ["attachments"]: return listAttachments(call, detail: false)
        case ["attachments", "detail"]: return listAttachments(call, detail: true)
        default: break
        }
        if path.count == 2 {
            switch path[0] {
            case "snapshots": return showSnapshot(call, id: path[1])
            case "backups": return showBackup(call, id: path[1])
            case "types": return showType(call, key: path[1])
            case "attachments": return showAttachment(call, id: path[1])
            case "os-quota-sets": return showQuotas(call, projectID: path[1], defaults: false)
            default: return nil
            }
        }
        if path.count == 3, path[0] == "os-quota-sets", path[2] == "defaults" {
            return showQuotas(call, projectID: path[1], defaults: true)
        }
        return nil
    }

    /// The project a list is scoped to: the token's, or with `all_tenants` (admin) every project
    /// or the one named by `project_id`. A reply when a non-admin asks for all projects.
    func listScope(_ call: CinderCall, policy: String) -> Parsed<String?> {
        let request = call.request
        guard request.query.flag("all_tenants") else { return .value(request.projectID) }
        guard request.isAdmin else { return .reply(error(403, "Policy doesn't allow \(policy) to be performed.", request)) }
        return .value(request.query.first("project_id") ?? request.query.first("tenant_id"))
    }

    /// One page of `items` after `marker`, with `<collection>_links` (or `linksKey`) when the page
    /// is full. `linked: false` leaves the links out, as Cinder's attachments list does.
    func page<Item>(
        _ call: CinderCall, collection: String, linksKey: String? = nil, items: [Item], id: (Item) -> String,
        linked: Bool = true, keep: (Item) -> Bool, render: (Item) -> JSON
    ) -> Reply {
        let request = call.request
        var limit = 1000
        if let text = request.query.first("limit") {
            guard let value = Int(text), value >= 0 else {
                return error(400, "Invalid input received: limit must be a non-negative integer", request)
            }
            limit = value == 0 ? 1000 : min(value, 1000)
        }
        var index = 0
        if let marker = request.query.first("marker") {
            guard let position = items.firstIndex(where: { id($0) == marker }) else {
                return error(404, "Marker \(marker) could not be found.", request)
            }
            index = position + 1
        }
        var selected: [Item] = []
        while index < items.count && selected.count < limit {
            if keep(items[index]) { selected.append(items[index]) }
            index += 1
        }
        var body = JSON.object([JSONMember(key: collection, value: .array(selected.map(render)))])
        if linked, let last = selected.last, selected.count == limit {
            var replacements = [("marker", id(last))]
            if !request.query.has("limit") { replacements.insert(("limit", String(limit)), at: 0) }
            body.set(linksKey ?? "\(collection)_links", [["href": .string(request.link(replacing: replacements)), "rel": "next"]])
        }
        if call.version >= APIVersion(3, 45), request.query.flag("with_count") {
            body.set("count", .int(items.reduce(0) { $0 + (keep($1) ? 1 : 0) }))
        }
        return .json(body)
    }

    /// `self` and `bookmark` links of one resource.
    func resourceLinks(_ collection: String, _ id: String, _ call: CinderCall) -> JSON {
        let base = call.request.baseURL
        return [
            ["href": .string("\(base)/volume/v3/\(call.projectSegment)/\(collection)/\(id)"), "rel": "self"],
            ["href": .string("\(base)/volume/\(call.projectSegment)/\(collection)/\(id)"), "rel": "bookmark"],
        ]
    }

    /// Whether the caller may see a resource of `projectID`.
    func visible(_ projectID: String, _ call: CinderCall) -> Bool {
        call.request.isAdmin || projectID == call.request.projectID
    }
}
