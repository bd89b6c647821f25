import Foundation

/// Compute data derived from the servers: placement, actions, interfaces, quota usage.
/// Derived on demand (not stored), so a cloud of 10,000 servers costs nothing until asked.
extension DemoData {
    /// Every server whose host is `host` (what `with_servers` lists), in list order.
    public func servers(onHost host: String) -> [DemoServer] {
        (serversByHost[host] ?? []).map { servers[$0] }
    }

    /// The servers that hold allocations on a host: placed there and not in ERROR (a failed
    /// build gives its allocation back).
    public func placedServers(onHost host: String) -> [DemoServer] {
        servers(onHost: host).filter { $0.status != "ERROR" }
    }

    /// What one server allocates in Placement: its flavor's vCPUs and RAM, and as DISK_GB its
    /// root disk (none when it boots from a volume), ephemeral disk and swap rounded up to GiB.
    public func placementResources(of server: DemoServer) -> [String: Int] {
        guard let flavor = flavor(id: server.flavorID) else { return [:] }
        let root = server.isBootFromVolume ? 0 : flavor.disk
        return [
            "VCPU": flavor.vcpus, "MEMORY_MB": flavor.ram,
            "DISK_GB": root + flavor.ephemeral + (flavor.swap + 1023) / 1024,
        ]
    }

    /// The sum of `placementResources` over the servers placed on a host.
    public func placementUsage(onHost host: String) -> [String: Int] {
        var usage = ["VCPU": 0, "MEMORY_MB": 0, "DISK_GB": 0]
        for server in placedServers(onHost: host) {
            for (name, amount) in placementResources(of: server) { usage[name, default: 0] += amount }
        }
        return usage
    }

    /// A compute node's inventories, with Nova's default allocation ratios (CPU 4.0, RAM 1.0,
    /// disk 1.0) and 512 MiB of RAM reserved for the host.
    public func placementInventory(of host: DemoHypervisorHost) -> [DemoInventory] {
        [
            DemoInventory(resourceClass: "DISK_GB", total: host.localGB, reserved: 0, allocationRatio: 1.0, maxUnit: host.localGB),
            DemoInventory(resourceClass: "MEMORY_MB", total: host.memoryMB, reserved: 512, allocationRatio: 1.0, maxUnit: host.memoryMB),
            DemoInventory(resourceClass: "VCPU", total: host.vcpus, reserved: 0, allocationRatio: 4.0, maxUnit: host.vcpus),
        ]
    }

    /// The aggregates a host belongs to.
    public func aggregates(ofHost host: String) -> [DemoAggregate] {
        aggregates.filter { $0.hosts.contains(host) }
    }

    /// A project's quota limits (Nova's defaults for a project it has no record of).
    public func computeQuota(projectID: String) -> DemoComputeQuota {
        computeQuotas.first { $0.projectID == projectID }
            ?? DemoComputeQuota(
                projectID: projectID, instances: 10, cores: 20, ram: 51_200, keyPairs: 100, metadataItems: 128,
                serverGroups: 10, serverGroupMembers: 10)
    }

    /// What a project (or one user in it) uses of each quota resource, by Nova's resource names.
    public func computeQuotaUsage(projectID: String, userID: String? = nil) -> [String: Int] {
        let owned = servers.filter { $0.projectID == projectID && (userID == nil || $0.userID == userID) }
        var usage = ["instances": owned.count, "cores": 0, "ram": 0, "metadata_items": 0, "server_group_members": 0]
        for server in owned {
            usage["cores"]! += flavor(id: server.flavorID)?.vcpus ?? 0
            usage["ram"]! += flavor(id: server.flavorID)?.ram ?? 0
        }
        usage["server_groups"] = serverGroups.filter { $0.projectID == projectID && (userID == nil || $0.userID == userID) }.count
        usage["key_pairs"] = userID.map { user in keypairs.filter { $0.userID == user }.count } ?? 0
        return usage
    }

    /// The ports of a server, as Nova's os-interface shows them: the very Neutron ports whose
    /// `device_id` is the server, one per MAC of its fixed addresses.
    public func interfaces(serverID: String) -> [DemoServerInterface] {
        ports.filter { $0.deviceID == serverID && $0.deviceOwner.hasPrefix("compute:") }.compactMap { port in
            guard let fixed = port.fixedIPs.first else { return nil }
            return DemoServerInterface(
                portID: port.id, networkID: port.networkID, subnetID: fixed.subnetID, ipAddress: fixed.ipAddress,
                macAddress: port.macAddress, portState: port.status)
        }
    }
}

/// A UUID-shaped id derived from `text` (stable across runs, distinct for distinct texts).
func derivedUUID(_ text: String) -> String {
    func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
    let raw = Array(hex(stableHash(text)) + hex(stableHash(text + "\u{1}")))
    return String(raw[0..<8]) + "-" + String(raw[8..<12]) + "-4" + String(raw[13..<16]) + "-a"
        + String(raw[17..<20]) + "-" + String(raw[20..<32])
}
