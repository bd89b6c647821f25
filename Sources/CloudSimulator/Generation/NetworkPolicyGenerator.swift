import Foundation

/// Security groups (`default` and `web` per project, the names servers use), subnet pools and
/// Neutron quota limits.
extension DemoDataGenerator {
    /// Neutron's default quota limits (-1 = unlimited).
    static let defaultNetworkQuotas: [String: Int] = [
        "network": 100, "subnet": 100, "subnetpool": -1, "port": 500, "router": 10, "floatingip": 50,
        "security_group": 10, "security_group_rule": 100, "rbac_policy": 10,
    ]

    /// Adds the groups and their rules; returns each project's group ids by name.
    mutating func makeSecurityGroups(into neutron: inout DemoNeutronResources) -> [String: [String: String]] {
        var byProject: [String: [String: String]] = [:]
        for project in parts.projects {
            let created = daysAgo(299)
            let defaultID = rng.uuid(), webID = rng.uuid()
            byProject[project.id] = ["default": defaultID, "web": webID]
            neutron.securityGroups.append(
                DemoSecurityGroup(
                    id: defaultID, name: "default", description: "Default security group", projectID: project.id,
                    createdAt: created))
            neutron.securityGroups.append(
                DemoSecurityGroup(
                    id: webID, name: "web", description: "Web servers: HTTP and HTTPS from anywhere",
                    projectID: project.id, createdAt: created.addingTimeInterval(600)))
            // (group, direction, ethertype, protocol, ports, remote prefix, remote group, description)
            let specs: [(String, String, String, String?, ClosedRange<Int>?, String?, String?, String)] = [
                (defaultID, "egress", "IPv4", nil, nil, nil, nil, ""),
                (defaultID, "egress", "IPv6", nil, nil, nil, nil, ""),
                (defaultID, "ingress", "IPv4", nil, nil, nil, defaultID, ""),
                (defaultID, "ingress", "IPv6", nil, nil, nil, defaultID, ""),
                (defaultID, "ingress", "IPv4", "tcp", 22...22, "0.0.0.0/0", nil, "SSH"),
                (defaultID, "ingress", "IPv4", "icmp", nil, "0.0.0.0/0", nil, "ping"),
                (webID, "egress", "IPv4", nil, nil, nil, nil, ""),
                (webID, "egress", "IPv6", nil, nil, nil, nil, ""),
                (webID, "ingress", "IPv4", "tcp", 80...80, "0.0.0.0/0", nil, "HTTP"),
                (webID, "ingress", "IPv4", "tcp", 443...443, "0.0.0.0/0", nil, "HTTPS"),
                (webID, "ingress", "IPv6", "tcp", 443...443, "::/0", nil, "HTTPS"),
            ]
            for (group, direction, ethertype, proto, ports, prefix, remote, description) in specs {
                neutron.securityGroupRules.append(
                    DemoSecurityGroupRule(
                        id: rng.uuid(), securityGroupID: group, projectID: project.id, direction: direction,
                        ethertype: ethertype, ipProtocol: proto, portRangeMin: ports?.lowerBound,
                        portRangeMax: ports?.upperBound, remoteIPPrefix: prefix, remoteGroupID: remote,
                        description: description, belongsToDefaultGroup: group == defaultID,
                        createdAt: created.addingTimeInterval(group == defaultID ? 1 : 601)))
            }
        }
        neutron.securityGroups.sort { $0.id < $1.id }
        neutron.securityGroupRules.sort { $0.id < $1.id }
        return byProject
    }

    /// A shared default IPv4 pool and an IPv6 pool (admin), and a private pool of the demo project.
    mutating func makeSubnetPools(into neutron: inout DemoNeutronResources) {
        let admin = projectID(named: DemoCloud.adminProject)
        let demo = projectID(named: DemoCloud.memberProject)
        // name, project, prefixes, version, shared, default, default/min/max prefix length
        let specs: [(String, String, [String], Int, Bool, Bool, Int, Int, Int, String)] = [
            ("shared-default-v4", admin, ["10.128.0.0/9"], 4, true, true, 24, 16, 28, "Default IPv4 pool for every project"),
            ("admin-v6", admin, ["2001:db8:100::/48"], 6, false, false, 64, 56, 64, ""),
            ("demo-pool", demo, ["192.168.0.0/16"], 4, false, false, 24, 20, 28, "Addresses of the demo team"),
        ]
        for (name, project, prefixes, version, shared, isDefault, length, minimum, maximum, description) in specs {
            neutron.subnetPools.append(
                DemoSubnetPool(
                    id: rng.uuid(), name: name, projectID: project, prefixes: prefixes, ipVersion: version,
                    shared: shared, isDefault: isDefault, defaultPrefixLength: length, minPrefixLength: minimum,
                    maxPrefixLength: maximum, description: description, createdAt: daysAgo(310)))
        }
        neutron.subnetPools.sort { $0.id < $1.id }
    }

    /// Default limits, raised where a project's usage outgrew them (as an operator would).
    mutating func makeNetworkQuotas(into neutron: inout DemoNeutronResources) {
        let counts = DemoNeutronUsage(networks: parts.networks, subnets: parts.subnets, neutron: neutron)
        neutron.quotas = parts.projects.map { project in
            let usage = counts.usage(of: project.id)
            var limits = Self.defaultNetworkQuotas
            for (resource, limit) in limits where limit >= 0 {
                let used = usage[resource] ?? 0
                if used * 5 > limit * 4 { limits[resource] = (used * 3 / 2 / 100 + 1) * 100 }
            }
            return DemoNetworkQuota(projectID: project.id, limits: limits)
        }
    }
}

/// How many Neutron resources each project uses (the `used` of quota details).
struct DemoNeutronUsage {
    private var counts: [String: [String: Int]] = [:]

    init(networks: [DemoNetwork], subnets: [DemoSubnet], neutron: DemoNeutronResources) {
        func add(_ project: String, _ resource: String) { counts[project, default: [:]][resource, default: 0] += 1 }
        for network in networks {
            add(network.projectID, "network")
            // Neutron records sharing and external access as RBAC policies of the owner.
            if network.shared { add(network.projectID, "rbac_policy") }
            if network.external { add(network.projectID, "rbac_policy") }
        }
        for subnet in subnets { add(subnet.projectID, "subnet") }
        for port in neutron.ports where !port.projectID.isEmpty { add(port.projectID, "port") }
        for router in neutron.routers { add(router.projectID, "router") }
        for floatingIP in neutron.floatingIPs { add(floatingIP.projectID, "floatingip") }
        for group in neutron.securityGroups { add(group.projectID, "security_group") }
        for rule in neutron.securityGroupRules { add(rule.projectID, "security_group_rule") }
        for pool in neutron.subnetPools { add(pool.projectID, "subnetpool") }
    }

    /// Usage per resource of one project (absent = 0).
    func usage(of project: String) -> [String: Int] { counts[project] ?? [:] }
}
