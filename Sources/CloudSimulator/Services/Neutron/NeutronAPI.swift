import Foundation

/// Neutron (Networking v2.0) under `/network`: every collection with generic attribute filters,
/// `fields`, and `limit`/`marker`/`page_reverse` paging; quotas; project scoping by token.
struct NeutronAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "network"
    /// Lookups for the renderers, built once because the data never changes.
    let index: NeutronIndex

    init(environment: ServiceEnvironment) {
        self.environment = environment
        self.index = NeutronIndex(data: environment.data)
    }

    /// One item of a collection: its id and how to render it, so a page renders only what it scans.
    struct Item {
        let id: String
        let render: () -> JSON
    }

    /// One listable Neutron collection.
    struct Collection {
        /// Key of one object (`security_group`).
        let singular: String
        /// Key of the list (`security_groups`); the path may differ (`security-groups`).
        let key: String
        /// Name in messages (`Security group`).
        let title: String
        let adminOnly: Bool
        /// False where Neutron ignores `limit`/`marker` (network IP availabilities).
        var paged = true
        /// Query parameters the collection applies itself, outside the generic attribute filters.
        var ownFilters: Set<String> = []
        /// The items the caller may see, ordered by id.
        let items: (IncomingRequest) -> [Item]
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        let type = "HTTP" + reasonPhrase(status).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
        return Self.error(type: type, message: message)
    }

    static func error(type: String, message: String) -> JSON {
        ["NeutronError": ["type": .string(type), "message": .string(message), "detail": ""]]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        segments.isEmpty
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        // Neutron's version list at `/` carries no request id.
        if request.segments.count == 1 { reply.removeHeaders(named: "x-openstack-request-id") }
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty {
            return .json([
                "versions": [["status": "CURRENT", "id": "v2.0", "links": [["href": .string(request.baseURL + "/network/v2.0/"), "rel": "self"]]]]
            ])
        }
        guard path.first == "v2.0" else { return error(404, "The resource could not be found.", request) }
        if path.count == 1 { return resourceIndex(request) }
        let name = path[1].hasSuffix(".json") ? String(path[1].dropLast(5)) : path[1]
        if name == "quotas" { return quotas(request, Array(path.dropFirst(2))) }
        if let reply = scheduledAgents(request, path) { return reply }
        guard let collection = collection(named: name) else {
            return error(404, "The resource could not be found.", request)
        }
        if collection.adminOnly && !request.isAdmin {
            // Real Neutron filters by policy instead of refusing: an empty list, and 404 for one item.
            if path.count == 2 { return list(collection, path: name, [], request: request) }
            return notFound(collection, id: path.count > 2 ? path[2] : "")
        }
        let items = collection.items(request)
        let id = path.count > 2 ? (path[2].hasSuffix(".json") ? String(path[2].dropLast(5)) : path[2]) : nil
        switch path.count {
        case 2:
            return list(collection, path: name, items, request: request)
        case 3, 4:
            guard let id, let item = items.first(where: { $0.id == id }) else {
                return notFound(collection, id: id ?? "")
            }
            let body = item.render()
            if path.count == 4 {
                // The one sub-resource we serve: GET /trunks/{id}/get_subports.
                guard name == "trunks", path[3] == "get_subports" else {
                    return error(404, "The resource could not be found.", request)
                }
                return .json(["sub_ports": body["sub_ports"] ?? []])
            }
            return .json([collection.singular: selectFields(body, request)])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    func notFound(_ collection: Collection, id: String) -> Reply {
        let type = collection.title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .json(Self.error(type: "\(type)NotFound", message: "\(collection.title) \(id) could not be found."), status: 404)
    }

    private func collection(named name: String) -> Collection? {
        let data = environment.data
        switch name {
        case "networks":
            return Collection(singular: "network", key: "networks", title: "Network", adminOnly: false) { request in
                data.networks.filter { request.isAdmin || $0.projectID == request.projectID || $0.shared || $0.external }
                    .map { network in Item(id: network.id) { renderNetwork(network, admin: request.isAdmin) } }
            }
        case "subnets":
            let shared = Set(data.networks.filter(\.shared).map(\.id))
            let external = Set(data.networks.filter(\.external).map(\.id))
            return Collection(singular: "subnet", key: "subnets", title: "Subnet", adminOnly: false) { request in
                data.subnets.filter { request.isAdmin || $0.projectID == request.projectID || shared.contains($0.networkID) }
                    .map { subnet in Item(id: subnet.id) { renderSubnet(subnet, external: external.contains(subnet.networkID)) } }
            }
        case "agents":
            return Collection(singular: "agent", key: "agents", title: "Agent", adminOnly: true) { _ in
                data.networkAgents.map { agent in Item(id: agent.id) { renderAgent(agent) } }
            }
        default:
            return resourceCollection(named: name)
        }
    }

    private func resourceIndex(_ request: IncomingRequest) -> Reply {
        let names = [
            ("subnet", "subnets"), ("network", "networks"), ("agent", "agents"), ("port", "ports"), ("router", "routers"),
            ("floatingip", "floatingips"), ("security_group", "security-groups"),
            ("security_group_rule", "security-group-rules"), ("subnetpool", "subnetpools"), ("trunk", "trunks"),
            ("network_ip_availability", "network-ip-availabilities"), ("quota", "quotas"),
        ]
        let resources: [JSON] = names.map { name, collection in
            [
                "links": [["href": .string("\(request.baseURL)/network/v2.0/\(collection)"), "rel": "self"]],
                "name": .string(name), "collection": .string(collection),
            ]
        }
        return .json(["resources": .array(resources)])
    }

    func selectFields(_ body: JSON, _ request: IncomingRequest) -> JSON {
        let fields = request.query.all("fields").flatMap { $0.split(separator: ",").map(String.init) }
        return fields.isEmpty ? body : body.selecting(Set(fields))
    }
}
