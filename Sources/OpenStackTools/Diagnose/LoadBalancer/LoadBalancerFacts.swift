import Foundation
import OpenStackKit

/// What holds a member's address in Neutron: the port with that fixed IP on the member's subnet,
/// and the server that owns the port (nil: the port belongs to no server).
struct MemberHolder: Sendable {
    var port: OpenStackKit.Port?
    /// `.known(nil)`: the port names a server that Nova does not have.
    var server: Fact<OpenStackKit.Server?>?
}

/// Everything `diagnose_load_balancer` decides on, read once and concurrently.
struct LoadBalancerFacts: Sendable {
    var balancer: LoadBalancer
    var listeners: Fact<[Listener]>
    var pools: Fact<[Pool]>
    /// Members by pool ID; a pool whose members could not be read is absent.
    var members: [String: [PoolMember]] = [:]
    var monitors: [String: HealthMonitor] = [:]
    var amphorae: Fact<[Amphora]>
    var vipSubnet: Fact<Subnet>
    /// What holds each traced member's address, by member ID.
    var holders: [String: Fact<MemberHolder>] = [:]
    /// The security groups of the traced members' ports.
    var groups: Fact<[SecurityGroup]> = .known([])
    var poolsNotRead = 0
    var membersNotTraced = 0

    /// Most pools read, and most members traced to a port and server.
    static let poolCap = 10
    static let traceCap = 10

    /// Members not serving (ERROR, OFFLINE), the ones worth tracing, with their pool.
    var downMembers: [(pool: Pool, member: PoolMember)] {
        (pools.value ?? []).flatMap { pool in (members[pool.id] ?? []).filter(\.isDown).map { (pool, $0) } }
    }

    /// The members whose address is traced: those down, and those no monitor watches (NO_MONITOR
    /// says nothing about whether anything holds the address).
    var tracedMembers: [(pool: Pool, member: PoolMember)] {
        (pools.value ?? []).flatMap { pool in
            (members[pool.id] ?? []).filter { $0.isDown || $0.isUnmonitored }.map { (pool, $0) }
        }
    }

    /// The health monitor of a pool, if it has one that was read.
    func monitor(of pool: Pool) -> HealthMonitor? { pool.healthMonitorID.flatMap { monitors[$0] } }

    static func gather(_ balancer: LoadBalancer, cloud: OpenStackCloud) async throws -> LoadBalancerFacts {
        let scope = [URLQueryItem(name: "loadbalancer_id", value: balancer.id)]
        async let listeners = Fact.read("listeners") {
            try await list(Listener.self, "listeners", path: Listener.declaration.path.description, scope, cloud)
        }
        async let pools = Fact.read("pools") { try await list(Pool.self, "pools", path: Pool.declaration.path.description, scope, cloud) }
        async let amphorae = Fact.read("amphorae") {
            try await list(Amphora.self, "amphorae", path: Amphora.declaration.path.description, scope, cloud)
        }
        async let subnet = Fact.read("the VIP subnet") {
            guard let id = balancer.vipSubnetID else { throw ToolArgumentError(argument: "vip_subnet_id", problem: "the load balancer has none") }
            return try await cloud.show(Subnet.self, id: id)
        }
        var facts = await LoadBalancerFacts(
            balancer: balancer, listeners: listeners, pools: pools, amphorae: amphorae, vipSubnet: subnet)
        let readPools = Array((facts.pools.value ?? []).prefix(poolCap))
        facts.poolsNotRead = (facts.pools.value?.count ?? 0) - readPools.count
        async let members = BoundedConcurrency.map(readPools.map(\.id), limit: 8) { id in
            try (try await cloud.get(.loadBalancer, path: PoolMember.path(pool: id)).json["members"]?.arrayValue ?? [])
                .map(PoolMember.init(json:))
        }
        async let monitors = BoundedConcurrency.map(readPools.compactMap(\.healthMonitorID), limit: 8) { id in
            try await cloud.show(HealthMonitor.self, id: id)
        }
        (facts.members, facts.monitors) = await (members, monitors)
        let down = facts.tracedMembers
        facts.membersNotTraced = max(0, down.count - traceCap)
        let traced = Array(down.prefix(traceCap))
        facts.holders = await withTaskGroup(of: (String, Fact<MemberHolder>).self) { group in
            for (_, member) in traced {
                group.addTask { (member.id, await Fact.read("the port of \(member.address ?? member.id)") { try await holder(of: member, cloud: cloud) }) }
            }
            var found: [String: Fact<MemberHolder>] = [:]
            for await (id, fact) in group { found[id] = fact }
            return found
        }
        let groupIDs = Array(Set(facts.holders.values.compactMap(\.value?.port).flatMap(\.securityGroupIDs))).sorted()
        if !groupIDs.isEmpty {
            facts.groups = await Fact.read("security groups") {
                let query = groupIDs.map { URLQueryItem(name: "id", value: $0) }
                let response = try await cloud.get(.network, path: SecurityGroup.declaration.path.description, query: query)
                return try (response.json["security_groups"]?.arrayValue ?? []).map(SecurityGroup.init(json:))
            }
        }
        return facts
    }

    private static func list<Item: DeclaredResource>(
        _ type: Item.Type, _ key: String, path: String, _ query: [URLQueryItem], _ cloud: OpenStackCloud
    ) async throws -> [Item] {
        try (try await cloud.get(.loadBalancer, path: path, query: query).json[key]?.arrayValue ?? []).map(Item.init(json:))
    }

    /// The port holding the member's address on its subnet, and the server that owns it.
    static func holder(of member: PoolMember, cloud: OpenStackCloud) async throws -> MemberHolder {
        guard let address = member.address else { return MemberHolder(port: nil, server: nil) }
        // The subnet is matched here: some Neutrons (and the demo cloud) OR repeated fixed_ips filters.
        let query = [URLQueryItem(name: "fixed_ips", value: "ip_address=\(address)")]
        let response = try await cloud.get(.network, path: OpenStackKit.Port.declaration.path.description, query: query)
        let ports = try (response.json["ports"]?.arrayValue ?? []).map(OpenStackKit.Port.init(json:))
        let onSubnet = ports.first { port in
            port.fixedIPs.contains { $0.ipAddress == address && (member.subnetID == nil || $0.subnetID == member.subnetID) }
        }
        guard let port = onSubnet else {
            return MemberHolder(port: nil, server: nil)
        }
        guard port.deviceOwner?.hasPrefix("compute:") == true, let device = port.deviceID, !device.isEmpty else {
            return MemberHolder(port: port, server: nil)
        }
        return MemberHolder(port: port, server: await Fact.read("server \(device)") { try await VolumeFacts.readServer(device, cloud: cloud) })
    }
}
