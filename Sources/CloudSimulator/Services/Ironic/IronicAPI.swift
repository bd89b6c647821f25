import Foundation

/// Ironic (Bare Metal v1) under `/baremetal`: nodes, ports, portgroups, allocations (API 1.52),
/// conductors (1.49, admin) and drivers (admin). The API version comes from
/// `X-OpenStack-Ironic-API-Version` (or `OpenStack-API-Version: baremetal`), 1.1 when absent, as
/// real Ironic. Lists page with `limit`/`marker` and a `next` URL whenever a page is full. An
/// admin sees every node; a project's members see the nodes it owns or leases, and their parts.
struct IronicAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "baremetal"
    static let maximum = APIVersion(1, 87)
    let negotiator = MicroversionNegotiator(
        serviceType: "baremetal", legacyHeader: "X-OpenStack-Ironic-API-Version", minimum: APIVersion(1, 1), maximum: IronicAPI.maximum)

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        // Ironic wraps its fault as a JSON string.
        let fault: JSON = ["faultstring": .string(message), "faultcode": status >= 500 ? "Server" : "Client", "debuginfo": nil]
        return ["error_message": .string(JSONWriter.string(fault))]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.count <= 1 }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        reply.headers.append(("X-OpenStack-Ironic-API-Minimum-Version", "1.1"))
        reply.headers.append(("X-OpenStack-Ironic-API-Maximum-Version", Self.maximum.description))
        if case .success(let version) = negotiator.negotiate(request) {
            reply.headers.append(("X-OpenStack-Ironic-API-Version", version.description))
        }
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        let root = request.baseURL + "/baremetal"
        let entry: JSON = [
            "id": "v1", "status": "CURRENT", "min_version": "1.1", "version": .string(Self.maximum.description),
            "links": [["href": .string(root + "/v1/"), "rel": "self"]],
        ]
        if path.isEmpty {
            return .json(["name": "OpenStack Ironic API", "description": "Ironic demo", "default_version": entry, "versions": [entry]])
        }
        guard path[0] == "v1" else { return error(404, "The resource could not be found.", request) }
        if path.count == 1 { return .json(["id": "v1", "version": entry, "links": entry["links"] ?? []]) }
        let version: APIVersion
        switch negotiator.negotiate(request) {
        case .success(let negotiated): version = negotiated
        case .failure(.invalid(let message)): return error(400, message, request)
        case .failure(.unsupported(let message)): return error(406, message, request)
        }
        let data = environment.data.baremetal
        let visibleNodes = request.isAdmin ? data.nodes : data.nodes.filter {
            $0["lessee"]?.stringValue == request.projectID || $0["owner"]?.stringValue == request.projectID
        }
        let nodeIDs = Set(visibleNodes.compactMap { $0["uuid"]?.stringValue })
        let rest = Array(path.dropFirst(2))
        let detail = rest.first == "detail"
        let tail = detail ? Array(rest.dropFirst()) : rest
        switch path[1] {
        case "nodes":
            return collection(visibleNodes, key: "nodes", marker: "uuid", summary: ["uuid", "name", "instance_uuid", "power_state", "provision_state", "maintenance"], detail: detail, tail: tail, request)
        case "ports":
            let ports = data.ports.filter { nodeIDs.contains($0["node_uuid"]?.stringValue ?? "") }
            return collection(ports, key: "ports", marker: "uuid", summary: ["uuid", "address"], detail: detail, tail: tail, request)
        case "portgroups" where version >= APIVersion(1, 23):
            let groups = data.portgroups.filter { nodeIDs.contains($0["node_uuid"]?.stringValue ?? "") }
            return collection(groups, key: "portgroups", marker: "uuid", summary: ["uuid", "address", "name"], detail: detail, tail: tail, request)
        case "allocations" where version >= APIVersion(1, 52):
            let own = request.isAdmin ? data.allocations : data.allocations.filter { $0["owner"]?.stringValue == request.projectID }
            return collection(own, key: "allocations", marker: "uuid", summary: nil, detail: false, tail: rest, request)
        case "drivers" where environment.configuration.ironicDriversNeedSystemScope && request.token?.scope != .system:
            // Ironic's policy reads drivers with system scope only, and its policy layer answers
            // a project-scoped token with a 500 (oslo.policy's InvalidScope).
            return error(500, "\"baremetal:driver:get\": \"(role:reader and system_scope:all) or (role:service and system_scope:all) or rule:service_role\" requires a scope of ['system'], request was made with project scope.", request)
        case "conductors" where version >= APIVersion(1, 49), "drivers":
            guard request.isAdmin else {
                return error(403, "Access was denied to the following resource: baremetal:\(path[1].dropLast()):get", request)
            }
            let key = path[1]
            let summary: Set<String> = key == "drivers" ? ["name", "hosts", "type"] : ["hostname", "conductor_group", "alive"]
            let items = key == "drivers" ? data.drivers : data.conductors
            let wantsDetail = request.query.first("detail").map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
            return collection(items, key: key, marker: key == "drivers" ? "name" : "hostname", summary: summary, detail: wantsDetail, tail: rest, request)
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    /// An item with Ironic's `links` (self and bookmark) and, shown in full, the links to its
    /// sub-resources. Drivers keep their own shape.
    static func linked(_ item: JSON, key: String, marker: String, full: Bool, _ request: IncomingRequest) -> JSON {
        guard key != "drivers", let ident = item[marker]?.stringValue else { return item }
        let root = request.baseURL + "/baremetal"
        func links(_ path: String) -> JSON {
            [["href": .string("\(root)/v1/\(path)"), "rel": "self"], ["href": .string("\(root)/\(path)"), "rel": "bookmark"]]
        }
        var item = item
        item.set("links", links("\(key)/\(ident)"))
        guard full else { return item }
        let children: [String: [String]] = ["nodes": ["ports", "states", "portgroups", "volume"], "portgroups": ["ports"]]
        for child in children[key] ?? [] { item.set(child, links("\(key)/\(ident)/\(child)")) }
        return item
    }

    /// A list (with the filters Ironic takes), or one item by its UUID or name.
    private func collection(
        _ items: [JSON], key: String, marker: String, summary: Set<String>?, detail: Bool, tail: [String], _ request: IncomingRequest
    ) -> Reply {
        let full = detail || summary == nil
        let shape: (JSON) -> JSON = { item in
            Self.linked(full ? item : item.selecting(summary!), key: key, marker: marker, full: full, request)
        }
        if let ident = tail.first {
            guard tail.count == 1, let item = items.first(where: { $0[marker]?.stringValue == ident || $0["name"]?.stringValue == ident }) else {
                return error(404, "\(key.dropLast().capitalized) \(tail.joined(separator: "/")) could not be found.", request)
            }
            return .json(Self.linked(item, key: key, marker: marker, full: true, request))
        }
        if key == "drivers" {
            let type = request.query.first("type")
            return .json(["drivers": .array(items.filter { type == nil || $0["type"]?.stringValue == type }.map(shape))])
        }
        let nodes = environment.data.baremetal.nodes
        let nodeUUID: (String) -> String? = { ident in
            nodes.first { $0["uuid"]?.stringValue == ident || $0["name"]?.stringValue == ident }?["uuid"]?.stringValue
        }
        var matching = items
        for (name, value) in request.query.items.map({ ($0.name, $0.value) }) {
            switch name {
            case "maintenance", "provision_state", "driver", "resource_class", "address", "state", "owner", "instance_uuid":
                matching = matching.filter { $0[name]?.filterText?.lowercased() == value.lowercased() }
            case "associated":
                let wanted = ["true", "1", "yes"].contains(value.lowercased())
                matching = matching.filter { ($0["instance_uuid"]?.stringValue != nil) == wanted }
            case "node", "node_uuid", "node_id":
                guard let uuid = nodeUUID(value) else { return error(404, "Node \(value) could not be found.", request) }
                matching = matching.filter { $0["node_uuid"]?.stringValue == uuid }
            case "portgroup":
                let group = environment.data.baremetal.portgroups.first { $0["uuid"]?.stringValue == value || $0["name"]?.stringValue == value }
                guard let group else { return error(404, "Portgroup \(value) could not be found.", request) }
                matching = matching.filter { $0["portgroup_uuid"] == group["uuid"] }
            default: continue
            }
        }
        var limit = 1000
        if let text = request.query.first("limit") {
            guard let parsed = Int(text), parsed >= 0 else { return error(400, "Limit must be positive", request) }
            limit = parsed == 0 ? 1000 : min(parsed, 1000)
        }
        var rest = matching[...]
        if let after = request.query.first("marker") {
            guard let index = matching.firstIndex(where: { $0[marker]?.stringValue == after }) else {
                return error(400, "The marker \(after) could not be found.", request)
            }
            rest = matching[(index + 1)...]
        }
        let page = Array(rest.prefix(limit))
        var body: JSON = [:]
        body.set(key, .array(page.map(shape)))
        if page.count == limit, let last = page.last?[marker]?.stringValue {
            body.set("next", .string(request.link(replacing: [("limit", String(limit)), ("marker", last)])))
        }
        return .json(body)
    }
}
