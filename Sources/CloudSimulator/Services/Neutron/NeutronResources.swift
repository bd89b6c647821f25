import Foundation

/// Lookups the Neutron renderers need, built once per running cloud (the data never changes).
struct NeutronIndex: Sendable {
    let portByID: [String: DemoPort]
    let trunkByID: [String: DemoTrunk]
    let rulesByGroup: [String: [DemoSecurityGroupRule]]
    /// Addresses allocated in a subnet, and how many of them are inside an allocation pool.
    struct Usage: Sendable {
        var used = 0
        var inPool = 0
    }

    /// Usage per subnet id.
    let subnetUsage: [String: Usage]
    /// QoS policy by port id and by network id.
    let qosByPort: [String: String]
    let qosByNetwork: [String: String]
    /// Address scope by subnet pool id.
    let scopeByPool: [String: String]
    /// Networks shared with a project by name (not `*`), by that project's id.
    let networksSharedWith: [String: Set<String>]
    /// Port forwardings by floating IP id.
    let forwardingsByFloatingIP: [String: [DemoPortForwarding]]

    init(data: DemoData) {
        forwardingsByFloatingIP = Dictionary(grouping: data.portForwardings, by: \.floatingIPID)
        qosByPort = Dictionary(data.qosPolicies.flatMap { policy in policy.portIDs.map { ($0, policy.id) } }) { first, _ in first }
        qosByNetwork = Dictionary(data.qosPolicies.flatMap { policy in policy.networkIDs.map { ($0, policy.id) } }) { first, _ in first }
        scopeByPool = Dictionary(data.addressScopes.flatMap { scope in scope.subnetPoolIDs.map { ($0, scope.id) } }) { first, _ in first }
        networksSharedWith = data.rbacPolicies.filter { $0.objectType == "network" && $0.action == "access_as_shared" && $0.targetTenant != "*" }
            .reduce(into: [:]) { $0[$1.targetTenant, default: []].insert($1.objectID) }
        portByID = Dictionary(uniqueKeysWithValues: data.ports.map { ($0.id, $0) })
        trunkByID = Dictionary(uniqueKeysWithValues: data.trunks.map { ($0.id, $0) })
        rulesByGroup = Dictionary(grouping: data.securityGroupRules, by: \.securityGroupID)
        let subnets = Dictionary(uniqueKeysWithValues: data.subnets.map { ($0.id, $0) })
        var usage: [String: Usage] = [:]
        for port in data.ports {
            for fixed in port.fixedIPs {
                let pooled = subnets[fixed.subnetID].map { IPv4.inPools(fixed.ipAddress, $0.allocationPools) } ?? false
                usage[fixed.subnetID, default: Usage()].used += 1
                if pooled { usage[fixed.subnetID, default: Usage()].inPool += 1 }
            }
        }
        subnetUsage = usage
    }
}

/// IPv4 arithmetic for allocation pools and subnet sizes.
enum IPv4 {
    static func value(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }

    static func inPools(_ address: String, _ pools: [DemoAllocationPool]) -> Bool {
        guard let value = value(address) else { return false }
        return pools.contains { pool in
            guard let start = self.value(pool.start), let end = self.value(pool.end) else { return false }
            return (start...end).contains(value)
        }
    }

    /// Addresses in the pools.
    static func poolSize(_ pools: [DemoAllocationPool]) -> Int {
        pools.reduce(0) { total, pool in
            guard let start = value(pool.start), let end = value(pool.end), end >= start else { return total }
            return total + Int(end - start) + 1
        }
    }

    /// Usable addresses of a CIDR (without network and broadcast addresses).
    static func hostCount(_ cidr: String) -> Int {
        guard let length = cidr.split(separator: "/").last.flatMap({ Int($0) }), (0...32).contains(length) else { return 0 }
        return max(0, (1 << (32 - length)) - 2)
    }
}

/// The collections beyond networks, subnets and agents, with Neutron's visibility rules: a
/// non-admin sees its own project's resources (and shared subnet pools).
extension NeutronAPI {
    func resourceCollection(named name: String) -> Collection? {
        let data = environment.data
        let index = self.index
        func own(_ request: IncomingRequest, _ project: String) -> Bool { request.isAdmin || project == request.projectID }
        switch name {
        case "ports":
            return Collection(singular: "port", key: "ports", title: "Port", adminOnly: false) { request in
                data.ports.filter { own(request, $0.projectID) }
                    .map { port in Item(id: port.id) { renderPort(port, index: index, admin: request.isAdmin) } }
            }
        case "routers":
            return Collection(singular: "router", key: "routers", title: "Router", adminOnly: false) { request in
                data.routers.filter { own(request, $0.projectID) }
                    .map { router in Item(id: router.id) { renderRouter(router, admin: request.isAdmin) } }
            }
        case "floatingips":
            return Collection(singular: "floatingip", key: "floatingips", title: "Floating IP", adminOnly: false) { request in
                data.floatingIPs.filter { own(request, $0.projectID) }
                    .map { floatingIP in Item(id: floatingIP.id) { renderFloatingIP(floatingIP, index: index) } }
            }
        case "security-groups":
            return Collection(singular: "security_group", key: "security_groups", title: "Security group", adminOnly: false) { request in
                data.securityGroups.filter { own(request, $0.projectID) }
                    .map { group in Item(id: group.id) { renderSecurityGroup(group, rules: index.rulesByGroup[group.id] ?? []) } }
            }
        case "security-group-rules":
            return Collection(
                singular: "security_group_rule", key: "security_group_rules", title: "Security group rule", adminOnly: false
            ) { request in
                data.securityGroupRules.filter { own(request, $0.projectID) }
                    .map { rule in Item(id: rule.id) { renderRule(rule) } }
            }
        case "subnetpools":
            return Collection(singular: "subnetpool", key: "subnetpools", title: "Subnet pool", adminOnly: false) { request in
                data.subnetPools.filter { $0.shared || own(request, $0.projectID) }
                    .map { pool in Item(id: pool.id) { renderSubnetPool(pool) } }
            }
        case "trunks":
            return Collection(singular: "trunk", key: "trunks", title: "Trunk", adminOnly: false) { request in
                data.trunks.filter { own(request, $0.projectID) }
                    .map { trunk in Item(id: trunk.id) { renderTrunk(trunk) } }
            }
        case "network-ip-availabilities":
            return ipAvailabilityCollection()
        default:
            return sharingCollection(named: name)
        }
    }
}
