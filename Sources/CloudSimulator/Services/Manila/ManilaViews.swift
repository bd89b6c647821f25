import Foundation

/// Manila's views (manila/api/views) as the real service renders them at a microversion:
/// shares, share networks, snapshots, types, the pool and the limits.
extension ManilaAPI {
    func render(_ share: ManilaData.Share, _ version: APIVersion, _ request: IncomingRequest) -> JSON {
        var body: JSON = [
            "id": .string(share.id), "name": .string(share.name), "status": .string(share.status), "size": .int(share.size),
            "share_proto": .string(share.proto), "share_network_id": .str(share.network?.id), "project_id": .string(share.projectID),
            "availability_zone": "nova", "share_type": .string(share.typeID), "volume_type": .string(share.typeName),
            "is_public": false, "metadata": [:], "description": .string("Demo share \(share.name)"), "snapshot_id": nil,
            "created_at": .string(Timestamp.format(share.createdAt, .microseconds)),
            "links": links(request, "shares", share.id),
        ]
        // Only a host admin learns where the share lives.
        if request.isAdmin {
            body.set("host", .string("manila-share@generic#pool0"))
            body.set("share_server_id", .str(share.network?.serverID))
        }
        if version < APIVersion(2, 9) {
            let paths = share.exports.filter { !$0.adminOnly }.map(\.path)
            body.set("export_location", .str(paths.first))
            body.set("export_locations", .strings(paths))
        }
        let snapshots = data.types.first { $0.id == share.typeID }?.snapshots ?? false
        let fields: [(APIVersion, String, JSON)] = [
            (APIVersion(2, 2), "snapshot_support", .bool(snapshots)), (APIVersion(2, 5), "task_state", nil),
            (APIVersion(2, 6), "share_type_name", .string(share.typeName)),
            (APIVersion(2, 10), "access_rules_status", "active"), (APIVersion(2, 11), "replication_type", nil),
            (APIVersion(2, 11), "has_replicas", false), (APIVersion(2, 16), "user_id", .string(userID(share.projectID))),
            (APIVersion(2, 24), "create_share_from_snapshot_support", .bool(snapshots)),
            (APIVersion(2, 27), "revert_to_snapshot_support", false), (APIVersion(2, 31), "share_group_id", nil),
            (APIVersion(2, 31), "source_share_group_snapshot_member_id", nil), (APIVersion(2, 32), "mount_snapshot_support", false),
            (APIVersion(2, 54), "progress", share.status == "available" ? "100%" : nil),
            (APIVersion(2, 69), "is_soft_deleted", false), (APIVersion(2, 69), "scheduled_to_be_deleted_at", nil),
            (APIVersion(2, 80), "source_backup_id", nil),
        ]
        for (since, key, value) in fields where version >= since { body.set(key, value) }
        return body
    }

    func renderNetwork(_ network: ManilaData.ShareNetwork, _ version: APIVersion, detail: Bool) -> JSON {
        var body: JSON = ["id": .string(network.id), "name": .string(network.name)]
        guard detail else { return body }
        let created = JSON.string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds))
        body.set("project_id", .string(network.projectID))
        body.set("description", .string("Share network on the \(network.name.replacingOccurrences(of: "-share-net", with: "")) project's private network"))
        body.set("created_at", created)
        body.set("updated_at", nil)
        if version >= APIVersion(2, 51) {
            body.set("status", "active")
            body.set("security_service_update_support", true)
            body.set("network_allocation_update_support", true)
            body.set("share_network_subnets", [[
                "id": .string(uuid(network.id, 9)), "neutron_net_id": .string(network.networkID),
                "neutron_subnet_id": .string(network.subnetID), "availability_zone": nil, "cidr": .string(network.cidr),
                "network_type": "vxlan", "segmentation_id": .int(100 + abs(network.id.hashValueStable % 900)), "ip_version": 4,
                "mtu": 1450, "gateway": .string(ManilaData.host(in: network.cidr, 1)), "created_at": created, "updated_at": created,
                "metadata": [:],
            ]])
        } else {
            body.set("neutron_net_id", .string(network.networkID))
            body.set("neutron_subnet_id", .string(network.subnetID))
            body.set("cidr", .string(network.cidr))
        }
        return body
    }

    func renderSnapshot(_ snapshot: ManilaData.Snapshot, _ request: IncomingRequest) -> JSON {
        [
            "id": .string(snapshot.id), "name": .string(snapshot.name), "share_id": .string(snapshot.shareID),
            "status": .string(snapshot.status), "size": .int(snapshot.size), "share_size": .int(snapshot.size),
            "share_proto": "NFS", "project_id": .string(snapshot.projectID), "user_id": .string(userID(snapshot.projectID)),
            "description": nil, "metadata": [:], "links": links(request, "snapshots", snapshot.id),
            "provider_location": .string("/snapshots/snapshot-\(snapshot.id)"),
            "created_at": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)),
        ]
    }

    /// Manila answers with both keys: `volume_types` is the name from before shares had their own.
    func renderTypes(_ request: IncomingRequest, _ version: APIVersion) -> JSON {
        let types: [JSON] = data.types.map { type in
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
        }
        return ["share_types": .array(types), "volume_types": .array(types)]
    }

    func pool(detail: Bool) -> JSON {
        var body: JSON = ["name": "manila-share@generic#pool0", "host": "manila-share", "backend": "generic", "pool": "pool0"]
        let allocated = data.shares.reduce(0) { $0 + $1.size }
        if detail {
            // What a driver reports (total and free as floats); the scheduler adds allocated_capacity_gb
            // only once it has placed a share in the pool.
            body.set("capabilities", [
                "pool_name": "pool0", "total_capacity_gb": 500.0, "free_capacity_gb": .double(Double(500 - allocated)),
                "allocated_capacity_gb": .int(allocated), "reserved_percentage": 0, "reserved_snapshot_percentage": 0,
                "reserved_share_extend_percentage": 0, "share_backend_name": "GENERIC", "storage_protocol": "NFS_CIFS",
                "vendor_name": "Open Source", "driver_version": "1.0", "timestamp": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microseconds)),
                "driver_handles_share_servers": true, "snapshot_support": true, "create_share_from_snapshot_support": true,
                "revert_to_snapshot_support": false, "mount_snapshot_support": false, "snapshot_inherit_share_access_support": false,
                "dedupe": false, "compression": false, "replication_type": nil, "replication_domain": nil,
                "sg_consistent_snapshot_support": "pool", "security_service_update_support": true,
                "network_allocation_update_support": true, "share_server_multiple_subnet_support": false,
                "share_replicas_migration_support": false, "encryption_support": [], "qos_type_support": false,
                "ipv4_support": true, "ipv6_support": false,
            ])
        }
        return body
    }

    func limits(_ request: IncomingRequest) -> JSON {
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
                "maxTotalShareGroups": 50, "totalShareGroupsUsed": 0, "maxTotalShareGroupSnapshots": 50, "totalShareGroupSnapshotsUsed": 0,
                "maxTotalShareReplicas": 100, "totalShareReplicasUsed": 0, "maxTotalReplicaGigabytes": 1000, "totalReplicaGigabytesUsed": 0,
                "maxTotalShareBackups": 10, "totalShareBackupsUsed": 0, "maxTotalBackupGigabytes": 1000, "totalBackupGigabytesUsed": 0,
            ],
        ]]
    }

    /// `self` under the versioned root and `bookmark` under the unversioned one, as Manila links them.
    func links(_ request: IncomingRequest, _ collection: String, _ id: String) -> JSON {
        [["rel": "self", "href": .string("\(request.baseURL)/share/v2/\(collection)/\(id)")],
         ["rel": "bookmark", "href": .string("\(request.baseURL)/share/\(collection)/\(id)")]]
    }

    /// The user who made a project's shares: a stable Keystone-shaped ID.
    func userID(_ projectID: String) -> String {
        String(uuid(projectID, 16).replacingOccurrences(of: "-", with: ""))
    }
}
