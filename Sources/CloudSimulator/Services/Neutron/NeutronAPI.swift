import Foundation

/// Neutron (Networking v2.0) under `/network`: networks, subnets and agents with generic
/// attribute filters, `fields`, and `limit`/`marker`/`page_reverse` paging.
struct NeutronAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "network"

    /// One listable Neutron collection.
    private struct Collection {
        let singular: String
        let notFoundType: String
        let adminOnly: Bool
        let items: (IncomingRequest) -> [(id: String, body: JSON)]
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
        guard let collection = collection(named: name) else {
            return error(404, "The resource could not be found.", request)
        }
        if collection.adminOnly && !request.isAdmin {
            // Real Neutron filters by policy instead of refusing: an empty list, and 404 for one item.
            if path.count == 2 { return list(name, [], request: request) }
            return notFound(collection, id: path.count > 2 ? path[2] : "")
        }
        let items = collection.items(request)
        switch path.count {
        case 2:
            return list(name, items, request: request)
        case 3:
            guard let item = items.first(where: { $0.id == path[2] }) else {
                return notFound(collection, id: path[2])
            }
            return .json([collection.singular: selectFields(item.body, request)])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    private func notFound(_ collection: Collection, id: String) -> Reply {
        .json(Self.error(type: collection.notFoundType, message: "\(collection.singular.capitalized) \(id) could not be found."), status: 404)
    }

    private func collection(named name: String) -> Collection? {
        let data = environment.data
        switch name {
        case "networks":
            return Collection(singular: "network", notFoundType: "NetworkNotFound", adminOnly: false) { request in
                data.networks.filter { request.isAdmin || $0.projectID == request.projectID || $0.shared || $0.external }
                    .map { ($0.id, renderNetwork($0, admin: request.isAdmin)) }
            }
        case "subnets":
            let shared = Set(data.networks.filter(\.shared).map(\.id))
            let external = Set(data.networks.filter(\.external).map(\.id))
            return Collection(singular: "subnet", notFoundType: "SubnetNotFound", adminOnly: false) { request in
                data.subnets.filter { request.isAdmin || $0.projectID == request.projectID || shared.contains($0.networkID) }
                    .map { ($0.id, renderSubnet($0, external: external.contains($0.networkID))) }
            }
        case "agents":
            return Collection(singular: "agent", notFoundType: "AgentNotFound", adminOnly: true) { _ in
                data.networkAgents.map { ($0.id, renderAgent($0)) }
            }
        default:
            return nil
        }
    }

    private func resourceIndex(_ request: IncomingRequest) -> Reply {
        let resources: [JSON] = [("subnet", "subnets"), ("network", "networks"), ("agent", "agents")].map { name, collection in
            [
                "links": [["href": .string("\(request.baseURL)/network/v2.0/\(collection)"), "rel": "self"]],
                "name": .string(name), "collection": .string(collection),
            ]
        }
        return .json(["resources": .array(resources)])
    }

    private func selectFields(_ body: JSON, _ request: IncomingRequest) -> JSON {
        let fields = request.query.all("fields").flatMap { $0.split(separator: ",").map(String.init) }
        return fields.isEmpty ? body : body.selecting(Set(fields))
    }
}
