import Foundation

/// Octavia (Load Balancer v2) under `/load-balancer`: balancers, listeners, pools with members,
/// health monitors, amphorae (admin) and a balancer's status tree. Lists filter on any field,
/// page with `limit`/`marker` and a `<collection>_links` next link; an admin sees every project.
struct OctaviaAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "load-balancer"

    /// A collection: its list key, its one-item key, its noun in errors, and its objects.
    private struct Collection {
        let key: String
        let singular: String
        let noun: String
        let items: [DemoOctaviaObject]
        let adminOnly: Bool
        /// Made by an admin for every project (flavors, zones): no project narrows the list.
        var global = false
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["faultcode": status >= 500 ? "Server" : "Client", "faultstring": .string(message), "debuginfo": nil]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty { return .json(versions(request)) }
        let extras = environment.data.extras
        // Octavia answers under /v2 and its alias /v2.0 (what openstacksdk picks from the version list).
        guard path.count >= 3, path[0] == "v2" || path[0] == "v2.0" else { return error(404, "The resource could not be found.", request) }
        if let reply = settingsRoute(Array(path.dropFirst()), request) { return reply }
        let collection: Collection
        switch (path[1], path[2]) {
        case ("lbaas", "loadbalancers"): collection = Collection(key: "loadbalancers", singular: "loadbalancer", noun: "Load Balancer", items: extras.loadBalancers, adminOnly: false)
        case ("lbaas", "listeners"): collection = Collection(key: "listeners", singular: "listener", noun: "Listener", items: extras.listeners, adminOnly: false)
        case ("lbaas", "pools"): collection = Collection(key: "pools", singular: "pool", noun: "Pool", items: extras.pools, adminOnly: false)
        case ("lbaas", "healthmonitors"): collection = Collection(key: "healthmonitors", singular: "healthmonitor", noun: "Health Monitor", items: extras.healthMonitors, adminOnly: false)
        case ("lbaas", "l7policies"): collection = Collection(key: "l7policies", singular: "l7policy", noun: "L7 Policy", items: extras.l7Policies, adminOnly: false)
        case ("lbaas", "flavors"): collection = Collection(key: "flavors", singular: "flavor", noun: "Flavor", items: extras.octaviaFlavors, adminOnly: false, global: true)
        case ("lbaas", "availabilityzones"):
            collection = Collection(key: "availability_zones", singular: "availability_zone", noun: "Availability Zone", items: extras.octaviaAvailabilityZones, adminOnly: false, global: true)
        case ("octavia", "amphorae"): collection = Collection(key: "amphorae", singular: "amphora", noun: "Amphora", items: extras.amphorae, adminOnly: true)
        default: return error(404, "The resource could not be found.", request)
        }
        if collection.adminOnly && !request.isAdmin {
            return error(403, "Policy does not allow this request to be performed.", request)
        }
        let rest = Array(path.dropFirst(3))
        if rest.isEmpty { return list(collection, request) }
        guard let item = visible(collection, request).first(where: { $0.id == rest[0] }) else {
            return error(404, "\(collection.noun) \(rest[0]) not found.", request)
        }
        switch Array(rest.dropFirst()) {
        case []: return .json([collection.singular: item.body])
        case ["members"] where collection.key == "pools":
            let members = Collection(key: "members", singular: "member", noun: "Member", items: extras.members.filter { $0.parentID == item.id }, adminOnly: false)
            return list(members, request)
        case let tail where collection.key == "pools" && tail.count == 2 && tail[0] == "members":
            guard let member = extras.members.first(where: { $0.parentID == item.id && $0.id == tail[1] }) else {
                return error(404, "Member \(tail[1]) not found.", request)
            }
            return .json(["member": member.body])
        case ["rules"] where collection.key == "l7policies":
            return list(Collection(key: "rules", singular: "rule", noun: "L7 Rule", items: extras.l7Rules.filter { $0.parentID == item.id }, adminOnly: false), request)
        case ["stats"] where collection.key == "loadbalancers":
            return .json(["stats": extras.loadBalancerStats[item.id] ?? ["bytes_in": 0, "bytes_out": 0, "active_connections": 0, "total_connections": 0, "request_errors": 0]])
        case ["status"] where collection.key == "loadbalancers":
            return .json(["statuses": ["loadbalancer": statusTree(item)]])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    private func versions(_ request: IncomingRequest) -> JSON {
        let href = request.baseURL + "/load-balancer/v2"
        let entries: [JSON] = (0...27).map { minor in
            [
                "id": .string(minor == 0 ? "v2.0" : "v2.\(minor)"), "status": minor == 27 ? "CURRENT" : "SUPPORTED",
                "updated": "2023-06-13T00:00:00Z", "links": [["href": .string(href), "rel": "self"]],
            ]
        }
        return ["versions": .array(entries)]
    }

    private func visible(_ collection: Collection, _ request: IncomingRequest) -> [DemoOctaviaObject] {
        request.isAdmin || collection.global ? collection.items : collection.items.filter { $0.projectID == request.projectID }
    }

    private func list(_ collection: Collection, _ request: IncomingRequest) -> Reply {
        let filters = request.query.items.filter { !["limit", "marker", "page_reverse", "sort", "fields"].contains($0.name) }
        let items = visible(collection, request).filter { item in
            filters.allSatisfy { filter in Self.matches(item, filter.name, filter.value) }
        }
        switch SimplePaging.page(items, key: \.id, request: request) {
        case .page(let page, let more):
            var body: JSON = [collection.key: .array(page.map(\.body))]
            var links: [JSON] = []
            if more, let last = page.last {
                let href = request.link(replacing: [("limit", request.query.first("limit") ?? "1000"), ("marker", last.id)])
                links.append(["href": .string(href), "rel": "next"])
            }
            body.set("\(collection.key)_links", .array(links))
            return .json(body)
        case .unknownMarker:
            return error(404, "\(collection.noun) \(request.query.first("marker") ?? "") not found.", request)
        case .badLimit(let text):
            return error(400, "Invalid input for field/attribute limit. Value: '\(text)'.", request)
        }
    }

    /// A field equals the value; `loadbalancer_id` and `pool_id` also match the object's references.
    private static func matches(_ item: DemoOctaviaObject, _ name: String, _ value: String) -> Bool {
        if let field = item.body[name] { return field.filterText == value }
        let references = ["loadbalancer_id": "loadbalancers", "pool_id": "pools", "listener_id": "listeners"]
        if let key = references[name], case .array(let refs)? = item.body[key] {
            return refs.contains { $0["id"]?.filterText == value }
        }
        if name == "loadbalancer_id" || name == "pool_id" { return item.parentID == value }
        return false
    }

    /// `GET /v2/lbaas/loadbalancers/{id}/status`: the tree with each object's statuses.
    private func statusTree(_ balancer: DemoOctaviaObject) -> JSON {
        let extras = environment.data.extras
        func statuses(_ body: JSON) -> [JSONMember] {
            ["id", "name", "provisioning_status", "operating_status"].map { JSONMember(key: $0, value: body[$0] ?? nil) }
        }
        let listeners = extras.listeners.filter { $0.parentID == balancer.id }.map { listener -> JSON in
            let pools = extras.pools.filter { $0.body["id"] == listener.body["default_pool_id"] }.map { pool -> JSON in
                let members = extras.members.filter { $0.parentID == pool.id }.map { member in
                    JSON.object(statuses(member.body) + [
                        JSONMember(key: "address", value: member.body["address"] ?? nil),
                        JSONMember(key: "protocol_port", value: member.body["protocol_port"] ?? nil),
                    ])
                }
                var node = JSON.object(statuses(pool.body) + [JSONMember(key: "members", value: .array(members))])
                if let monitor = extras.healthMonitors.first(where: { $0.parentID == pool.id }) {
                    node.set("health_monitor", .object(statuses(monitor.body) + [JSONMember(key: "type", value: monitor.body["type"] ?? nil)]))
                }
                return node
            }
            return .object(statuses(listener.body) + [JSONMember(key: "pools", value: .array(pools))])
        }
        return .object(statuses(balancer.body) + [JSONMember(key: "listeners", value: .array(listeners))])
    }
}
