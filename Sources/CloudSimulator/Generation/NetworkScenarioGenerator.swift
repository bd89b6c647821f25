import Foundation

/// The demo cloud's seeded connectivity failures, for `diagnose_connectivity` (README, "Seeded
/// failures"), in the demo project:
/// - `diag-isolated` sits on `diag-isolated-net`, whose subnet no router serves: it cannot reach
///   the internet, and nothing outside reaches it.
/// - `diag-web` sits behind `diag-web-router` (gateway on `public`) with a floating IP; its only
///   security group `diag-web-only` admits TCP 80 and 443 in, so SSH (22) is blocked and HTTP is not.
///
/// Drawn from a generator of its own and added after everything else, so every other seeded value
/// stays as it was.
extension DemoDataGenerator {
    static let isolatedServerName = "diag-isolated"
    static let webServerName = "diag-web"

    mutating func makeNetworkScenarios(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x6469_6167_6e65_7431)
        let project = projectID(named: DemoCloud.memberProject)
        let user = userID(named: DemoCloud.memberUser)
        let created = reference.addingTimeInterval(-700 * 86_400)
        let host = parts.hosts.first!.name
        let publicNetwork = parts.networks.first { $0.name == Self.publicNetworkName }!
        let publicSubnet = parts.subnets.first { $0.networkID == publicNetwork.id }!
        let defaultGroup = parts.neutron.securityGroups.first { $0.projectID == project && $0.name == "default" }!

        let isolated = scenarioNetwork("diag-isolated-net", prefix: "10.250", project: project, created: created, &random)
        let web = scenarioNetwork("diag-web-net", prefix: "10.251", project: project, created: created, &random)

        // diag-web's router: gateway on public, one interface on diag-web-subnet.
        let routerID = random.uuid()
        let gateway = DemoFixedIP(subnetID: publicSubnet.id, ipAddress: "\(Self.floatingPrefix).0.60")
        parts.neutron.routers.append(
            DemoRouter(
                id: routerID, name: "diag-web-router", projectID: project, status: "ACTIVE",
                externalNetworkID: publicNetwork.id, externalFixedIPs: [gateway], enableSNAT: true,
                createdAt: created, description: "Gateway of diag-web-net"))
        addScenarioPort(publicNetwork.id, "", gateway, device: routerID, owner: "network:router_gateway", created, &random)
        addScenarioPort(web.network.id, project, DemoFixedIP(subnetID: web.subnet.id, ipAddress: web.subnet.gatewayIP),
                        device: routerID, owner: "network:router_interface", created, &random)

        // diag-web-only: egress anywhere, ingress TCP 80 and 443 only.
        let webGroup = random.uuid()
        parts.neutron.securityGroups.append(
            DemoSecurityGroup(
                id: webGroup, name: "diag-web-only", description: "HTTP and HTTPS only", projectID: project,
                createdAt: created))
        let rules: [(String, String, String?, Int?)] = [
            ("egress", "IPv4", nil, nil), ("egress", "IPv6", nil, nil),
            ("ingress", "IPv4", "tcp", 80), ("ingress", "IPv4", "tcp", 443),
        ]
        for (direction, ethertype, proto, port) in rules {
            parts.neutron.securityGroupRules.append(
                DemoSecurityGroupRule(
                    id: random.uuid(), securityGroupID: webGroup, projectID: project, direction: direction,
                    ethertype: ethertype, ipProtocol: proto, portRangeMin: port, portRangeMax: port,
                    remoteIPPrefix: proto == nil ? nil : "0.0.0.0/0", remoteGroupID: nil, description: "",
                    belongsToDefaultGroup: false, createdAt: created))
        }

        let servers: [(String, (network: DemoNetwork, subnet: DemoSubnet), DemoSecurityGroup, String?)] = [
            (Self.isolatedServerName, isolated, defaultGroup, nil),
            (Self.webServerName, web, DemoSecurityGroup(id: webGroup, name: "diag-web-only", description: "", projectID: project, createdAt: created), "\(Self.floatingPrefix).0.61"),
        ]
        for (offset, (name, net, group, floating)) in servers.enumerated() {
            let serverID = random.uuid()
            let mac = random.mac()
            let fixed = DemoFixedIP(subnetID: net.subnet.id, ipAddress: "\(net.subnet.gatewayIP.dropLast(1))10")
            let port = addScenarioPort(
                net.network.id, project, fixed, device: serverID, owner: "compute:nova", created, &random,
                mac: mac, groups: [group.id], host: host)
            var addresses = [DemoServerAddress(networkName: net.network.name, address: fixed.ipAddress, version: 4, type: "fixed", macAddress: mac)]
            if let floating {
                let fipID = random.uuid()
                parts.neutron.floatingIPs.append(
                    DemoFloatingIP(
                        id: fipID, projectID: project, floatingNetworkID: publicNetwork.id, floatingIPAddress: floating,
                        fixedIPAddress: fixed.ipAddress, portID: port.id, routerID: routerID, status: "ACTIVE",
                        description: "", createdAt: created))
                addScenarioPort(publicNetwork.id, "", DemoFixedIP(subnetID: publicSubnet.id, ipAddress: floating),
                                device: fipID, owner: "network:floatingip", created, &random, status: "N/A")
                addresses.append(DemoServerAddress(networkName: net.network.name, address: floating, version: 4, type: "floating", macAddress: mac))
            }
            let draft = ServerDraft(
                id: serverID, name: name, status: "ACTIVE", vmState: "active", powerState: 1, taskState: nil, host: host,
                instanceName: Self.instanceName(0xd1a0 + offset), projectID: project, userID: user,
                flavorID: parts.flavors.first!.id, imageID: parts.images.last!.id, keyName: nil, addresses: addresses,
                securityGroups: [group.name], metadata: [:], tags: ["diagnosis-scenario"], created: created,
                updated: created.addingTimeInterval(120), launchedAt: created.addingTimeInterval(60), fault: nil,
                locked: false, description: "Seeded connectivity failure", hostID: String(repeating: "d", count: 56),
                progress: 100)
            parts.servers.append(draft.build())
        }
        parts.networks.sort { $0.id < $1.id }
        parts.subnets.sort { $0.id < $1.id }
        parts.neutron.ports.sort { $0.id < $1.id }
        parts.neutron.routers.sort { $0.id < $1.id }
        parts.neutron.floatingIPs.sort { $0.id < $1.id }
        parts.neutron.securityGroups.sort { $0.id < $1.id }
        parts.neutron.securityGroupRules.sort { $0.id < $1.id }
    }

    /// A project network with one /24 subnet (DHCP on, gateway .1) and its DHCP port.
    private mutating func scenarioNetwork(
        _ name: String, prefix: String, project: String, created: Date, _ random: inout SplitMix64
    ) -> (network: DemoNetwork, subnet: DemoSubnet) {
        let networkID = random.uuid()
        let subnet = DemoSubnet(
            id: random.uuid(), name: name.replacingOccurrences(of: "-net", with: "-subnet"), networkID: networkID,
            projectID: project, cidr: "\(prefix).0.0/24", gatewayIP: "\(prefix).0.1", ipVersion: 4, enableDHCP: true,
            allocationPools: [DemoAllocationPool(start: "\(prefix).0.2", end: "\(prefix).0.254")],
            dnsNameservers: ["1.1.1.1"], createdAt: created, updatedAt: created, revisionNumber: 1, description: "")
        let network = DemoNetwork(
            id: networkID, name: name, projectID: project, shared: false, external: false, status: "ACTIVE",
            adminStateUp: true, mtu: 1450, networkType: "vxlan", physicalNetwork: nil, segmentationID: 250 + parts.networks.count,
            subnetIDs: [subnet.id], availabilityZones: ["nova"], tags: [], createdAt: created, updatedAt: created,
            revisionNumber: 1, portSecurityEnabled: true, isDefault: false, description: "Seeded for diagnose_connectivity")
        parts.networks.append(network)
        parts.subnets.append(subnet)
        let agentHash = String(stableHash(Self.controller), radix: 16)
        addScenarioPort(networkID, project, DemoFixedIP(subnetID: subnet.id, ipAddress: "\(prefix).0.2"),
                        device: "dhcp\(agentHash)-\(networkID)", owner: "network:dhcp", created, &random)
        return (network, subnet)
    }

    @discardableResult
    private mutating func addScenarioPort(
        _ network: String, _ project: String, _ ip: DemoFixedIP, device: String, owner: String, _ created: Date,
        _ random: inout SplitMix64, mac: String? = nil, groups: [String] = [], host: String = DemoDataGenerator.controller,
        status: String = "ACTIVE"
    ) -> DemoPort {
        let port = DemoPort(
            id: random.uuid(), name: "", networkID: network, projectID: project, macAddress: mac ?? random.mac(),
            fixedIPs: [ip], deviceID: device, deviceOwner: owner, status: status, securityGroupIDs: groups,
            hostID: host, trunkID: nil, createdAt: created)
        parts.neutron.ports.append(port)
        return port
    }
}
