import Foundation

/// Volume types, scheduler pools, absolute limits and quota sets.
extension CinderAPI {
    /// Extra specs that Cinder shows to users without the admin role.
    private static let userVisibleExtraSpecs: Set<String> = ["multiattach", "RESKEY:availability_zones", "replication_enabled"]

    func listTypes(_ call: CinderCall) -> Reply {
        let request = call.request
        var types = environment.data.blockStorage.volumeTypes
        // Non-admins only ever see public types; admins choose with is_public (None = both).
        let isPublic = request.query.first("is_public")?.lowercased()
        if !request.isAdmin || isPublic == nil || isPublic == "true" {
            types = types.filter(\.isPublic)
        } else if isPublic == "false" {
            types = types.filter { !$0.isPublic }
        }
        // Cinder names this link key in the singular.
        return page(call, collection: "volume_types", linksKey: "volume_type_links", items: types, id: \.id, keep: { _ in true }) {
            renderType($0, call)
        }
    }

    func showType(_ call: CinderCall, key: String) -> Reply {
        let types = environment.data.blockStorage.volumeTypes
        let found = key == "default" ? types.first { $0.name == "__DEFAULT__" } : types.first { $0.id == key || $0.name == key }
        guard let type = found, type.isPublic || call.request.isAdmin else {
            return error(404, "Volume type \(key) could not be found.", call.request)
        }
        return .json(["volume_type": renderType(type, call)])
    }

    private func renderType(_ type: DemoVolumeType, _ call: CinderCall) -> JSON {
        let specs = call.request.isAdmin ? type.extraSpecs : type.extraSpecs.filter { Self.userVisibleExtraSpecs.contains($0.key) }
        return [
            "description": .str(type.description), "extra_specs": .stringMap(specs), "id": .string(type.id),
            "is_public": .bool(type.isPublic), "name": .string(type.name),
            "os-volume-type-access:is_public": .bool(type.isPublic), "qos_specs_id": .str(type.qosSpecsID),
        ]
    }

    func listPools(_ call: CinderCall) -> Reply {
        let request = call.request
        guard request.isAdmin else {
            return error(403, "Policy doesn't allow scheduler_extension:scheduler_stats:get_pools to be performed.", request)
        }
        let name = request.query.first("name")
        var backend: String?
        if let typeKey = request.query.first("volume_type"), call.version >= APIVersion(3, 35) {
            guard let type = environment.data.blockStorage.volumeTypes.first(where: { $0.id == typeKey || $0.name == typeKey }) else {
                return error(404, "Volume type \(typeKey) could not be found.", request)
            }
            backend = type.extraSpecs["volume_backend_name"]
        }
        let pools = environment.data.blockStorage.pools.filter {
            (name == nil || $0.name == name) && (backend == nil || $0.backendName == backend)
        }
        let detail = request.query.flag("detail")
        let updated = Timestamp.format(Date().addingTimeInterval(-20), .microseconds)
        let items = pools.map { pool -> JSON in
            guard detail else { return ["name": .string(pool.name)] }
            return [
                "name": .string(pool.name),
                "capabilities": [
                    "pool_name": .string(String(pool.name.split(separator: "#").last ?? "")),
                    "total_capacity_gb": .int(pool.totalCapacityGB), "free_capacity_gb": .int(pool.freeCapacityGB),
                    "allocated_capacity_gb": .int(pool.allocatedCapacityGB),
                    "provisioned_capacity_gb": .int(pool.allocatedCapacityGB),
                    "max_over_subscription_ratio": .string(String(pool.maxOverSubscriptionRatio)),
                    "reserved_percentage": 0, "thin_provisioning_support": .bool(pool.thinProvisioning),
                    "thick_provisioning_support": .bool(!pool.thinProvisioning), "total_volumes": .int(pool.totalVolumes),
                    "volume_backend_name": .string(pool.backendName), "driver_version": .string(pool.driverVersion),
                    "storage_protocol": .string(pool.storageProtocol), "vendor_name": .string(pool.vendorName),
                    "QoS_support": false, "multiattach": true, "backend_state": "up", "filter_function": nil,
                    "goodness_function": nil, "timestamp": .string(updated), "updated": .string(updated),
                ],
            ]
        }
        return .json(["pools": .array(items)])
    }

    func showLimits(_ call: CinderCall) -> Reply {
        var project = call.request.projectID
        if let asked = call.request.query.first("project_id"), call.version >= APIVersion(3, 39), asked != project {
            guard call.request.isAdmin else {
                return error(403, "Policy doesn't allow limits_extension:used_limits to be performed.", call.request)
            }
            project = asked
        }
        let data = environment.data
        let limits = data.volumeQuotaLimits(projectID: project)
        let used = data.volumeUsage(projectID: project)
        let absolute: JSON = [
            "totalSnapshotsUsed": .int(used["snapshots"] ?? 0), "maxTotalBackups": .int(limits["backups"] ?? -1),
            "maxTotalVolumeGigabytes": .int(limits["gigabytes"] ?? -1), "maxTotalSnapshots": .int(limits["snapshots"] ?? -1),
            "maxTotalBackupGigabytes": .int(limits["backup_gigabytes"] ?? -1),
            "totalBackupGigabytesUsed": .int(used["backup_gigabytes"] ?? 0), "maxTotalVolumes": .int(limits["volumes"] ?? -1),
            "totalVolumesUsed": .int(used["volumes"] ?? 0), "totalBackupsUsed": .int(used["backups"] ?? 0),
            "totalGigabytesUsed": .int(used["gigabytes"] ?? 0),
        ]
        return .json(["limits": ["rate": [], "absolute": absolute]])
    }

    func showQuotas(_ call: CinderCall, projectID: String, defaults: Bool) -> Reply {
        let request = call.request
        guard request.isAdmin || projectID == request.projectID else {
            return error(403, "Policy doesn't allow volume_extension:quotas:show to be performed.", request)
        }
        let data = environment.data
        var limits = data.volumeQuotaLimits(projectID: projectID)
        if defaults { limits = data.volumeQuotaLimits(projectID: "") }
        let used = request.query.flag("usage") && !defaults ? data.volumeUsage(projectID: projectID) : nil
        var members: [JSONMember] = limits.keys.sorted().map { key in
            let limit = JSON.int(limits[key]!)
            guard let used else { return JSONMember(key: key, value: limit) }
            return JSONMember(key: key, value: ["in_use": .int(used[key] ?? 0), "limit": limit, "reserved": 0])
        }
        let idIndex = members.firstIndex { $0.key > "id" } ?? members.count
        members.insert(JSONMember(key: "id", value: .string(projectID)), at: idIndex)
        return .json(["quota_set": .object(members)])
    }
}
