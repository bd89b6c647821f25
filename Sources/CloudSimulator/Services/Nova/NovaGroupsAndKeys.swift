import Foundation

/// Availability zones, keypairs, server groups and aggregates.
extension NovaAPI {
    // MARK: os-availability-zone

    func listAvailabilityZones(_ request: IncomingRequest, detail: Bool) -> Reply {
        if detail && !request.isAdmin { return policyForbidden("os_compute_api:os-availability-zone:detail", request) }
        var zones: [String] = []
        for service in environment.data.computeServices where !zones.contains(service.zone) { zones.append(service.zone) }
        let items = zones.compactMap { zone -> JSON? in
            let services = environment.data.computeServices.filter { $0.zone == zone }
            // Nova calls a zone available while one of its services is enabled; the plain list hides `internal`.
            let available = services.contains { $0.status == "enabled" }
            guard detail || zone != "internal" else { return nil }
            var hosts: [JSONMember] = []
            if detail {
                for host in Set(services.map(\.host)).sorted() {
                    let entries = services.filter { $0.host == host }.map { service in
                        JSONMember(key: service.binary, value: [
                            "active": .bool(service.status == "enabled"), "available": .bool(service.state == "up"),
                            "updated_at": .string(Timestamp.format(service.updatedAt, .microseconds)),
                        ])
                    }
                    hosts.append(JSONMember(key: host, value: .object(entries)))
                }
            }
            return ["hosts": detail ? .object(hosts) : nil, "zoneName": .string(zone), "zoneState": ["available": .bool(available)]]
        }
        return .json(["availabilityZoneInfo": .array(items)])
    }

    // MARK: os-keypairs

    private func keypairOwner(_ request: IncomingRequest, version: APIVersion) -> Parsed<String> {
        let own = request.token?.user.id ?? ""
        guard version >= APIVersion(2, 10), let user = request.query.first("user_id"), user != own else { return .value(own) }
        guard request.isAdmin else { return .reply(policyForbidden("os_compute_api:os-keypairs:index", request)) }
        return .value(user)
    }

    func listKeypairs(_ request: IncomingRequest, version: APIVersion) -> Reply {
        let owner: String
        switch keypairOwner(request, version: version) {
        case .value(let user): owner = user
        case .reply(let reply): return reply
        }
        let owned = environment.data.keypairs.filter { $0.userID == owner }
        var page = owned[...]
        var limit = owned.count
        if version >= APIVersion(2, 35) {
            switch paging(request, exists: { name in owned.contains { $0.name == name } }) {
            case .value(let (pageLimit, marker)):
                limit = pageLimit
                let start = marker.flatMap { name in owned.firstIndex { $0.name == name } }.map { $0 + 1 } ?? 0
                page = owned[start...].prefix(limit)
            case .reply(let reply): return reply
            }
        }
        let items = page.map { keypair -> JSON in
            var body: JSON = ["fingerprint": .string(keypair.fingerprint), "name": .string(keypair.name)]
            if version >= APIVersion(2, 2) { body.set("type", .string(keypair.type)) }
            body.set("public_key", .string(keypair.publicKey))
            return ["keypair": body]
        }
        var body: JSON = ["keypairs": .array(items)]
        if let last = page.last, page.count == limit, version >= APIVersion(2, 35) {
            body.set("keypairs_links", [["rel": "next", "href": .string(request.link(replacing: [("marker", last.name)]))]])
        }
        return .json(body)
    }

    func showKeypair(_ request: IncomingRequest, name: String, version: APIVersion) -> Reply {
        let owner: String
        switch keypairOwner(request, version: version) {
        case .value(let user): owner = user
        case .reply(let reply): return reply
        }
        guard let keypair = environment.data.keypairs.first(where: { $0.userID == owner && $0.name == name }) else {
            return error(404, "Keypair \(name) not found for user \(owner)", request)
        }
        var body: JSON = [
            "fingerprint": .string(keypair.fingerprint), "name": .string(keypair.name),
        ]
        if version >= APIVersion(2, 2) { body.set("type", .string(keypair.type)) }
        body.set("public_key", .string(keypair.publicKey))
        body.set("user_id", .string(keypair.userID))
        body.set("deleted", false)
        body.set("created_at", .string(Timestamp.format(keypair.createdAt, .microseconds)))
        body.set("updated_at", nil)
        body.set("deleted_at", nil)
        body.set("id", .int(keypair.id))
        return .json(["keypair": body])
    }

    // MARK: os-server-groups

    func listServerGroups(_ request: IncomingRequest, version: APIVersion) -> Reply {
        let all = request.query.has("all_projects")
        if all && !request.isAdmin { return policyForbidden("os_compute_api:os-server-groups:index:all_projects", request) }
        let visible = environment.data.serverGroups.filter { all || $0.projectID == request.projectID }
        var offset = 0, limit = maxLimit
        if let text = request.query.first("offset") {
            guard let value = Int(text), value >= 0 else { return error(400, "offset param must be positive", request) }
            offset = value
        }
        if let text = request.query.first("limit") {
            guard let value = Int(text), value >= 0 else { return error(400, "limit param must be positive", request) }
            limit = value == 0 ? maxLimit : min(value, maxLimit)
        }
        let page = visible.dropFirst(offset).prefix(limit)
        return .json(["server_groups": .array(page.map { renderServerGroup($0, version: version) })])
    }

    func showServerGroup(_ request: IncomingRequest, id: String, version: APIVersion) -> Reply {
        guard let group = environment.data.serverGroups.first(where: { $0.id == id }),
            request.isAdmin || group.projectID == request.projectID
        else { return error(404, "Instance group \(id) could not be found.", request) }
        return .json(["server_group": renderServerGroup(group, version: version)])
    }

    private func renderServerGroup(_ group: DemoServerGroup, version: APIVersion) -> JSON {
        var body: JSON = ["id": .string(group.id), "name": .string(group.name)]
        if version >= APIVersion(2, 64) {
            body.set("policy", .string(group.policy))
            body.set("rules", .object(group.rules.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .int($0.value)) }))
        } else {
            body.set("policies", [.string(group.policy)])
        }
        body.set("members", .strings(group.members))
        if version < APIVersion(2, 64) { body.set("metadata", [:]) }
        if version >= APIVersion(2, 13) {
            body.set("project_id", .string(group.projectID))
            body.set("user_id", .string(group.userID))
        }
        return body
    }

    // MARK: os-aggregates

    func listAggregates(_ request: IncomingRequest, version: APIVersion) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-aggregates:index", request) }
        return .json(["aggregates": .array(environment.data.aggregates.map { renderAggregate($0, version: version) })])
    }

    func showAggregate(_ request: IncomingRequest, id: String, version: APIVersion) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-aggregates:show", request) }
        guard let aggregate = environment.data.aggregates.first(where: { String($0.id) == id }) else {
            return error(404, "Aggregate \(id) could not be found.", request)
        }
        return .json(["aggregate": renderAggregate(aggregate, version: version)])
    }

    private func renderAggregate(_ aggregate: DemoAggregate, version: APIVersion) -> JSON {
        var metadata = aggregate.metadata
        if let zone = aggregate.availabilityZone { metadata["availability_zone"] = zone }
        var body: JSON = [
            "availability_zone": .str(aggregate.availabilityZone),
            "created_at": .string(Timestamp.format(aggregate.createdAt, .microseconds)),
            "deleted": false, "deleted_at": nil, "hosts": .strings(aggregate.hosts), "id": .int(aggregate.id),
            "metadata": .stringMap(metadata), "name": .string(aggregate.name), "updated_at": nil,
        ]
        if version >= APIVersion(2, 41) { body.set("uuid", .string(aggregate.uuid)) }
        return body
    }
}
