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
        guard case .success(let version) = negotiator.negotiate(request) else { return }
        reply.headers.append(("X-OpenStack-Manila-API-Version", version.description))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        var path = Array(segments)
        let version: JSON = [
            "id": "v2.0", "status": "CURRENT", "version": .string(Self.maximumVersion.description), "min_version": "2.0",
            "updated": "2015-08-27T11:33:21Z", "links": [["rel": "self", "href": .string(request.baseURL + "/share/v2/")]],
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
            return .json(["snapshots": .array(page(snapshots, request).map(renderSnapshot))])
        case ["types"]:
            return .json(["share_types": .array(data.types.map { type in
                let specs: JSON = ["driver_handles_share_servers": .string(type.dhss ? "True" : "False")]
                var extra = specs
                extra.set("snapshot_support", .string(type.snapshots ? "True" : "False"))
                // A member also sees the defaults of the optional specs the type leaves unset (2.24+), as booleans.
                if !request.isAdmin && version >= APIVersion(2, 24) {
                    for key in ["create_share_from_snapshot_support", "revert_to_snapshot_support", "mount_snapshot_support"] {
                        extra.set(key, false)
                    }
                }
                return [
                    "id": .string(type.id), "name": .string(type.name), "required_extra_specs": specs, "extra_specs": extra,
                    "share_type_access:is_public": true, "description": .string("Demo share type \(type.name)"), "is_default": .bool(type.name == "default"),
                ]
            })])
        case ["scheduler-stats", "pools"], ["scheduler-stats", "pools", "detail"]:
            guard request.isAdmin else { return error(403, "Policy doesn't allow scheduler_stats:pools:detail to be performed.", request) }
            return .json(["pools": [pool(detail: path.count == 3)]])
        case ["share-servers"]:
            guard request.isAdmin else { return error(403, "Policy doesn't allow share_server:index to be performed.", request) }
            let servers = data.networks.filter { network in data.shares.contains { $0.network?.id == network.id } }
                .filter { matches(request, "share_network", $0.id) }
            return .json(["share_servers": .array(servers.map { network in
                [
                    "id": .string(network.serverID), "project_id": .string(network.projectID), "status": "active",
                    "host": "manila-share@generic", "share_network_id": .string(network.id), "share_network_name": .string(network.name),
                    "updated_at": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)),
                    "share_network_subnet_id": .string(uuid(network.id, 9)), "share_network_subnet_ids": [.string(uuid(network.id, 9))],
                    "identifier": .string(network.serverID), "task_state": nil, "source_share_server_id": nil,
                    "is_auto_deletable": true, "security_service_update_support": true, "network_allocation_update_support": false,
                ]
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
        let shares = scoped(data.shares, \.projectID, request).filter { share in
            matches(request, "status", share.status) && matches(request, "share_network_id", share.network?.id)
                && matches(request, "share_type_id", share.typeID) && matches(request, "share_proto", share.proto)
                && matches(request, "name", share.name)
        }
        let shown = page(shares, request).map { share -> JSON in
            detail ? render(share, version, request) : ["id": .string(share.id), "name": .string(share.name)]
        }
        return .json(["shares": .array(shown)])
    }

    private func render(_ share: ManilaData.Share, _ version: APIVersion, _ request: IncomingRequest) -> JSON {
        var body: JSON = [
            "id": .string(share.id), "name": .string(share.name), "status": .string(share.status), "size": .int(share.size),
            "share_proto": .string(share.proto), "share_network_id": .str(share.network?.id), "project_id": .string(share.projectID),
            "availability_zone": "nova", "share_type": .string(share.typeID), "is_public": false, "metadata": [:],
            "description": .string("Demo share \(share.name)"), "snapshot_id": nil,
            "created_at": .string(Timestamp.format(share.createdAt, .microseconds)),
            "host": .string("manila-share@generic#pool0"),
        ]
        if version < APIVersion(2, 9) {
            let paths = share.exports.filter { !$0.adminOnly }.map(\.path)
            body.set("export_location", .str(paths.first))
            body.set("export_locations", .strings(paths))
        }
        if version >= APIVersion(2, 6) { body.set("share_type_name", .string(share.typeName)) }
        return body
    }

    private func renderNetwork(_ network: ManilaData.ShareNetwork, _ version: APIVersion, detail: Bool) -> JSON {
        var body: JSON = ["id": .string(network.id), "name": .string(network.name)]
        guard detail else { return body }
        body.set("project_id", .string(network.projectID))
        body.set("description", .string("Share network on the \(network.name.replacingOccurrences(of: "-share-net", with: "")) project's private network"))
        body.set("created_at", .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)))
        if version >= APIVersion(2, 51) {
            body.set("status", "active")
            body.set("share_network_subnets", [[
                "id": .string(uuid(network.id, 9)), "neutron_net_id": .string(network.networkID),
                "neutron_subnet_id": .string(network.subnetID), "availability_zone": nil, "cidr": .string(network.cidr),
                "network_type": "vxlan", "ip_version": 4,
            ]])
        } else {
            body.set("neutron_net_id", .string(network.networkID))
            body.set("neutron_subnet_id", .string(network.subnetID))
            body.set("cidr", .string(network.cidr))
        }
        return body
    }

    private func renderSnapshot(_ snapshot: ManilaData.Snapshot) -> JSON {
        [
            "id": .string(snapshot.id), "name": .string(snapshot.name), "share_id": .string(snapshot.shareID),
            "status": .string(snapshot.status), "size": .int(snapshot.size), "share_size": .int(snapshot.size),
            "share_proto": "NFS", "project_id": .string(snapshot.projectID), "description": nil,
            "created_at": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)),
        ]
    }

    private func pool(detail: Bool) -> JSON {
        var body: JSON = ["name": "manila-share@generic#pool0", "host": "manila-share", "backend": "generic", "pool": "pool0"]
        let allocated = data.shares.reduce(0) { $0 + $1.size }
        if detail {
            body.set("capabilities", [
                "total_capacity_gb": 500, "free_capacity_gb": .int(500 - allocated), "allocated_capacity_gb": .int(allocated),
                "storage_protocol": "NFS_CIFS", "driver_handles_share_servers": true, "share_backend_name": "GENERIC",
                "reserved_percentage": 0, "thin_provisioning": false, "snapshot_support": true,
            ])
        }
        return body
    }

    private func limits(_ request: IncomingRequest) -> JSON {
        let shares = data.shares.filter { $0.projectID == request.projectID }
        let snapshots = data.snapshots.filter { $0.projectID == request.projectID }
        return ["limits": [
            "rate": [],
            "absolute": [
                "maxTotalShares": 50, "totalSharesUsed": .int(shares.count),
                "maxTotalShareGigabytes": 1000, "totalShareGigabytesUsed": .int(shares.reduce(0) { $0 + $1.size }),
                "maxTotalShareSnapshots": 50, "totalShareSnapshotsUsed": .int(snapshots.count),
                "maxTotalSnapshotGigabytes": 1000, "totalSnapshotGigabytesUsed": .int(snapshots.reduce(0) { $0 + $1.size }),
                "maxTotalShareNetworks": 10, "totalShareNetworksUsed": .int(data.networks.filter { $0.projectID == request.projectID }.count),
                "maxTotalShareReplicas": 100, "totalShareReplicasUsed": 0,
            ],
        ]]
    }

    private func notFound(_ kind: String, _ id: String, _ request: IncomingRequest) -> Reply {
        error(404, "\(kind) \(id) could not be found.", request)
    }

    /// A stable UUID-shaped ID derived from another ID and an index.
    private func uuid(_ base: String, _ index: Int) -> String {
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
