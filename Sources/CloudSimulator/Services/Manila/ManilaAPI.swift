import Foundation

/// Manila (Shared File Systems v2) under `/share`: shares and their export locations (2.9+) and
/// access rules (`/share-access-rules`, 2.45+), share networks, snapshots, types, the scheduler's
/// pools and share servers (admin), and limits. Microversions come in Manila's own header.
struct ManilaAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "share"
    let data: ManilaData
    static let maximumVersion = APIVersion(2, 84)
    // Manila reads only its own header; the standard one is never matched.
    let negotiator = MicroversionNegotiator(
        serviceType: "", legacyHeader: "X-OpenStack-Manila-API-Version", minimum: APIVersion(2, 0), maximum: maximumVersion)

    init(environment: ServiceEnvironment) {
        self.environment = environment
        self.data = ManilaData(environment.data)
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        FaultBody.nova(status: status, message: message)
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty || segments == ["v2"] }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        guard reply.status != 401 else { return }
        reply.headers.append(("x-openstack-request-id", requestID))
        // The version document at the root comes from outside Manila's API pipeline: no more headers.
        guard request.segments.count > 1 else { return }
        // Manila's request-ID middleware still writes Nova's header too.
        reply.headers.append(("x-compute-request-id", requestID))
        guard case .success(let version) = negotiator.negotiate(request) else { return }
        reply.headers.append(("X-OpenStack-Manila-API-Version", version.description))
        reply.headers.append(("Vary", "X-OpenStack-Manila-API-Version"))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        var path = Array(segments)
        let version: JSON = [
            "id": "v2.0", "status": "CURRENT", "version": .string(Self.maximumVersion.description), "min_version": "2.0",
            "updated": "2015-08-27T11:33:21Z",
            "links": [["rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"],
                      ["rel": "self", "href": .string(request.baseURL + "/share/v2/")]],
            "media-types": [["base": "application/json", "type": "application/vnd.openstack.share+json;version=1"]],
        ]
        if path.isEmpty { return .json(["versions": [version]], status: 300) }
        guard path[0] == "v2" else { return error(404, "The resource could not be found.", request) }
        path.removeFirst()
        // The project in the path is optional since 2.60; when given it must be the token's.
        if let first = path.first, first.count == 32, first.allSatisfy(\.isHexDigit) {
            guard first == request.projectID || request.isAdmin else { return error(403, "Policy doesn't allow this.", request) }
            path.removeFirst()
        }
        if path.isEmpty { return .json(["versions": [version]]) }
        let microversion: APIVersion
        switch negotiator.negotiate(request) {
        case .success(let negotiated): microversion = negotiated
        case .failure(.invalid(let message)): return error(400, message, request)
        case .failure(.unsupported(let message)): return error(406, message, request)
        }
        return route(path, request, microversion)
    }

    private func route(_ path: [String], _ request: IncomingRequest, _ version: APIVersion) -> Reply {
        switch path {
        case ["shares"], ["shares", "detail"]: return sharesList(request, version, detail: path.count == 2)
        case _ where path.count == 2 && path[0] == "shares":
            guard let share = visibleShares(request).first(where: { $0.id == path[1] }) else { return notFound("Share", path[1], request) }
            return .json(["share": render(share, version, request)])
        case _ where path.count == 3 && path[0] == "shares" && path[2] == "export_locations":
            guard version >= APIVersion(2, 9) else { return error(404, "The resource could not be found.", request) }
            guard let share = visibleShares(request).first(where: { $0.id == path[1] }) else { return notFound("Share", path[1], request) }
            let locations = share.exports.enumerated().filter { request.isAdmin || !$0.element.adminOnly }.map { index, export -> JSON in
                var item: JSON = ["id": .string(uuid(share.id, index)), "path": .string(export.path), "preferred": .bool(export.preferred)]
                if request.isAdmin { item.set("is_admin_only", .bool(export.adminOnly)) }
                return item
            }
            return .json(["export_locations": .array(locations)])
        case ["share-access-rules"]:
            guard version >= APIVersion(2, 45) else { return error(404, "The resource could not be found.", request) }
            guard let shareID = request.query.first("share_id") else { return error(400, "A valid share ID must be specified.", request) }
            guard let share = visibleShares(request).first(where: { $0.id == shareID }) else { return notFound("Share", shareID, request) }
            return .json(["access_list": .array(share.rules.map { rule in
                [
                    "id": .string(rule.id), "access_type": .string(rule.type), "access_to": .string(rule.to),
                    "access_level": .string(rule.level), "state": .string(rule.state), "access_key": nil,
                    "created_at": .string(Timestamp.format(share.createdAt, .microseconds)), "updated_at": nil, "metadata": [:],
                ]
            })])
        case ["share-networks"], ["share-networks", "detail"]:
            let networks = scoped(data.networks, \.projectID, request)
            return .json(["share_networks": .array(page(networks, request).map { renderNetwork($0, version, detail: path.count == 2) })])
        case ["snapshots"], ["snapshots", "detail"]:
            let snapshots = scoped(data.snapshots, \.projectID, request).filter { snapshot in
                matches(request, "share_id", snapshot.shareID) && matches(request, "status", snapshot.status)
            }
            return .json(["snapshots": .array(page(snapshots, request).map { renderSnapshot($0, request) })])
        case ["types"]: return .json(renderTypes(request, version))
        case ["scheduler-stats", "pools"], ["scheduler-stats", "pools", "detail"]:
            guard request.isAdmin else { return error(403, "Policy doesn't allow scheduler_stats:pools:detail to be performed.", request) }
            return .json(["pools": [pool(detail: path.count == 3)]])
        case ["share-servers"]:
            guard request.isAdmin else { return error(403, "Policy doesn't allow share_server:index to be performed.", request) }
            let servers = data.networks.filter { network in data.shares.contains { $0.network?.id == network.id } }
                .filter { matches(request, "share_network", $0.id) }
            return .json(["share_servers": .array(servers.map { network in
                var body: JSON = [
                    "id": .string(network.serverID), "project_id": .string(network.projectID), "status": "active",
                    "host": "manila-share@generic", "share_network_id": .string(network.id), "share_network_name": .string(network.name),
                    "updated_at": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)),
                    "identifier": .string(network.serverID), "task_state": nil, "source_share_server_id": nil,
                    "is_auto_deletable": true, "security_service_update_support": true, "network_allocation_update_support": false,
                ]
                // One subnet from 2.51, a list of them from 2.70 (servers that span availability zones).
                let subnet = JSON.string(uuid(network.id, 9))
                if version >= APIVersion(2, 70) {
                    body.set("share_network_subnet_ids", [subnet])
                } else if version >= APIVersion(2, 51) {
                    body.set("share_network_subnet_id", subnet)
                }
                return body
            })])
        case ["limits"]: return .json(limits(request))
        default: return error(404, "The resource could not be found.", request)
        }
    }

    private func visibleShares(_ request: IncomingRequest) -> [ManilaData.Share] {
        data.shares.filter { request.isAdmin || $0.projectID == request.projectID }
    }

    /// An admin sees every project's with `all_tenants`, or one project's with `project_id`.
    private func scoped<Item>(_ items: [Item], _ project: KeyPath<Item, String>, _ request: IncomingRequest) -> [Item] {
        let all = request.isAdmin && ["1", "true", "True"].contains(request.query.first("all_tenants") ?? "")
        let wanted = request.isAdmin ? request.query.first("project_id") : nil
        return items.filter { item in
            if let wanted { return item[keyPath: project] == wanted }
            return all || item[keyPath: project] == request.projectID
        }
    }

    private func matches(_ request: IncomingRequest, _ name: String, _ value: String?) -> Bool {
        request.query.first(name).map { $0 == value } ?? true
    }

    /// Manila pages with `limit` and `offset`.
    private func page<Item>(_ items: [Item], _ request: IncomingRequest) -> [Item] {
        let offset = request.query.first("offset").flatMap(Int.init) ?? 0
        let limit = request.query.first("limit").flatMap(Int.init) ?? 1000
        return Array(items.dropFirst(max(0, offset)).prefix(max(0, limit)))
    }

    private func sharesList(_ request: IncomingRequest, _ version: APIVersion, detail: Bool) -> Reply {
        var shares = scoped(data.shares, \.projectID, request).filter { share in
            matches(request, "status", share.status) && matches(request, "share_network_id", share.network?.id)
                && matches(request, "share_type_id", share.typeID) && matches(request, "share_proto", share.proto)
                && matches(request, "name", share.name)
        }
        // Manila ignores a marker it does not know (the whole list again).
        if let marker = request.query.first("marker"), let index = shares.firstIndex(where: { $0.id == marker }) {
            shares = Array(shares[(index + 1)...])
        }
        let paged = page(shares, request)
        let shown = paged.map { share -> JSON in
            detail ? render(share, version, request) : ["id": .string(share.id), "name": .string(share.name)]
        }
        var body: JSON = ["shares": .array(shown)]
        // A page that stops short of the end links to the next one by marker, as Manila does.
        let offset = request.query.first("offset").flatMap(Int.init) ?? 0
        if request.query.first("limit") != nil, let last = paged.last, offset + paged.count < shares.count {
            var query = request.query.first("all_tenants").map { "all_tenants=\($0)&" } ?? ""
            query += "limit=\(request.query.first("limit") ?? "")&marker=\(last.id)"
            body.set("shares_links", [["rel": "next", "href": .string("\(request.baseURL)/share/v2/shares?\(query)")]])
        }
        return .json(body)
    }

    private func notFound(_ kind: String, _ id: String, _ request: IncomingRequest) -> Reply {
        error(404, "\(kind) \(id) could not be found.", request)
    }

    /// A stable UUID-shaped ID derived from another ID and an index.
    func uuid(_ base: String, _ index: Int) -> String {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: base.hashValueStable &+ index))
        return rng.uuid()
    }
}

extension String {
    /// FNV-1a: a hash that stays the same from run to run (Swift's `hashValue` does not).
    var hashValueStable: Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }
}
