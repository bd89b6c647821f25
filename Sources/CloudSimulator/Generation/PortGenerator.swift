import Foundation

/// Ports, routers, floating IPs and trunks, derived from the servers so the clouds agree: every
/// server address is a port (same MAC, same subnet), every `floating` address is a floating IP
/// on `public` behind the project's router, and every port's address counts in IP availability.
extension DemoDataGenerator {
    /// Builds every Neutron resource beyond networks and subnets.
    mutating func makeNeutronResources() {
        var neutron = DemoNeutronResources()
        let groups = makeSecurityGroups(into: &neutron)
        let context = NetworkLookup(networks: parts.networks, subnets: parts.subnets)
        var ports: [DemoPort] = []
        ports.reserveCapacity(parts.servers.count * 2 + 16)
        let routerBySubnet = makeRouters(context, into: &neutron, ports: &ports)
        makeDHCPPorts(into: &ports)
        makeServerPorts(context, groups: groups, routerBySubnet: routerBySubnet, into: &neutron, ports: &ports)
        makeFreeFloatingIPs(context, into: &neutron, ports: &ports)
        neutron.ports = ports.sorted { $0.id < $1.id }
        neutron.routers.sort { $0.id < $1.id }
        neutron.floatingIPs.sort { $0.id < $1.id }
        neutron.trunks.sort { $0.id < $1.id }
        makeSubnetPools(into: &neutron)
        makeNetworkQuotas(into: &neutron)
        parts.neutron = neutron
    }

    /// Networks by name and each network's (single) subnet.
    struct NetworkLookup {
        let byName: [String: DemoNetwork]
        let subnetOfNetwork: [String: DemoSubnet]
        let publicNetwork: DemoNetwork
        var publicSubnet: DemoSubnet { subnetOfNetwork[publicNetwork.id]! }

        init(networks: [DemoNetwork], subnets: [DemoSubnet]) {
            byName = Dictionary(uniqueKeysWithValues: networks.map { ($0.name, $0) })
            subnetOfNetwork = Dictionary(subnets.map { ($0.networkID, $0) }, uniquingKeysWith: { first, _ in first })
            publicNetwork = byName[DemoDataGenerator.publicNetworkName]!
        }
    }

    private mutating func port(
        network: String, project: String, subnet: String, ip: String, device: String, owner: String,
        status: String = "ACTIVE", mac: String? = nil, groups: [String] = [], host: String = DemoDataGenerator.controller,
        trunk: String? = nil, created: Date
    ) -> DemoPort {
        DemoPort(
            id: rng.uuid(), name: "", networkID: network, projectID: project, macAddress: mac ?? rng.mac(),
            fixedIPs: [DemoFixedIP(subnetID: subnet, ipAddress: ip)], deviceID: device, deviceOwner: owner,
            status: status, securityGroupIDs: groups, hostID: host, trunkID: trunk, createdAt: created)
    }

    /// One router per project with its gateway on `public` and an interface on the project's
    /// private subnet (the admin router also serves `shared-net`). Returns the router of each subnet.
    private mutating func makeRouters(
        _ context: NetworkLookup, into neutron: inout DemoNeutronResources, ports: inout [DemoPort]
    ) -> [String: String] {
        var routerBySubnet: [String: String] = [:]
        for (index, project) in parts.projects.enumerated() {
            let created = daysAgo(290)
            let routerID = rng.uuid()
            let gateway = DemoFixedIP(subnetID: context.publicSubnet.id, ipAddress: "\(Self.floatingPrefix).0.\(10 + index)")
            neutron.routers.append(
                DemoRouter(
                    id: routerID, name: "router-\(project.name)", projectID: project.id, status: "ACTIVE",
                    externalNetworkID: context.publicNetwork.id, externalFixedIPs: [gateway], enableSNAT: true,
                    createdAt: created, description: "Gateway of the \(project.name) project"))
            ports.append(
                port(network: context.publicNetwork.id, project: "", subnet: gateway.subnetID, ip: gateway.ipAddress,
                     device: routerID, owner: "network:router_gateway", created: created))
            var served = ["private-\(project.name)"]
            if project.name == DemoCloud.adminProject { served.append(Self.sharedNetworkName) }
            for name in served {
                let network = context.byName[name]!
                let subnet = context.subnetOfNetwork[network.id]!
                routerBySubnet[subnet.id] = routerID
                ports.append(
                    port(network: network.id, project: project.id, subnet: subnet.id, ip: subnet.gatewayIP,
                         device: routerID, owner: "network:router_interface", created: created.addingTimeInterval(30)))
            }
        }
        return routerBySubnet
    }

    /// The DHCP agent's port on every DHCP-enabled subnet (first address of the pool).
    private mutating func makeDHCPPorts(into ports: inout [DemoPort]) {
        let agentHash = String(stableHash(Self.controller), radix: 16)
        for subnet in parts.subnets where subnet.enableDHCP {
            ports.append(
                port(network: subnet.networkID, project: subnet.projectID, subnet: subnet.id,
                     ip: subnet.allocationPools[0].start, device: "dhcp\(agentHash)-\(subnet.networkID)",
                     owner: "network:dhcp", created: subnet.createdAt.addingTimeInterval(5)))
        }
    }

    /// A port per fixed address of every server, a floating IP per floating address, and a trunk
    /// on the first two running servers of the demo project.
    private mutating func makeServerPorts(
        _ context: NetworkLookup, groups: [String: [String: String]], routerBySubnet: [String: String],
        into neutron: inout DemoNeutronResources, ports: inout [DemoPort]
    ) {
        let demoProject = projectID(named: DemoCloud.memberProject)
        for server in parts.servers {
            var portByMAC: [String: DemoPort] = [:]
            let status = server.status == "ACTIVE" ? "ACTIVE" : "DOWN"
            let groupIDs = server.securityGroups.compactMap { groups[server.projectID]?[$0] }
            let created = server.created.addingTimeInterval(5)
            for address in server.addresses where address.type == "fixed" {
                let network = context.byName[address.networkName]!
                let wantsTrunk = neutron.trunks.count < 2 && portByMAC.isEmpty && server.projectID == demoProject
                    && server.status == "ACTIVE"
                let trunkID = wantsTrunk ? rng.uuid() : nil
                let serverPort = port(
                    network: network.id, project: server.projectID, subnet: context.subnetOfNetwork[network.id]!.id,
                    ip: address.address, device: server.id, owner: "compute:\(server.availabilityZone)", status: status,
                    mac: address.macAddress, groups: groupIDs, host: server.host ?? "", trunk: trunkID, created: created)
                portByMAC[address.macAddress] = serverPort
                ports.append(serverPort)
                if let trunkID {
                    addTrunk(trunkID, parent: serverPort, server: server, context, into: &neutron, ports: &ports)
                }
            }
            for address in server.addresses where address.type == "floating" {
                guard let target = portByMAC[address.macAddress], let fixed = target.fixedIPs.first else { continue }
                let fipID = rng.uuid()
                neutron.floatingIPs.append(
                    DemoFloatingIP(
                        id: fipID, projectID: server.projectID, floatingNetworkID: context.publicNetwork.id,
                        floatingIPAddress: address.address, fixedIPAddress: fixed.ipAddress, portID: target.id,
                        routerID: routerBySubnet[fixed.subnetID], status: "ACTIVE", description: "",
                        createdAt: created.addingTimeInterval(55)))
                ports.append(
                    port(network: context.publicNetwork.id, project: "", subnet: context.publicSubnet.id,
                         ip: address.address, device: fipID, owner: "network:floatingip", status: "N/A",
                         created: created.addingTimeInterval(55)))
            }
        }
    }

    /// A trunk on `parent` with two VLAN subports on `shared-net`.
    private mutating func addTrunk(
        _ trunkID: String, parent: DemoPort, server: DemoServer, _ context: NetworkLookup,
        into neutron: inout DemoNeutronResources, ports: inout [DemoPort]
    ) {
        let shared = context.byName[Self.sharedNetworkName]!
        let subnet = context.subnetOfNetwork[shared.id]!
        var subPorts: [DemoSubPort] = []
        for vlan in 1...2 {
            let subport = port(
                network: shared.id, project: server.projectID, subnet: subnet.id,
                ip: "\(Self.sharedPrefix).200.\(10 + neutron.trunks.count * 2 + vlan)", device: trunkID,
                owner: "trunk:subport", host: parent.hostID, created: parent.createdAt.addingTimeInterval(20))
            ports.append(subport)
            subPorts.append(DemoSubPort(portID: subport.id, segmentationID: 100 + vlan, macAddress: subport.macAddress))
        }
        neutron.trunks.append(
            DemoTrunk(
                id: trunkID, name: "trunk-\(server.name)", projectID: server.projectID, portID: parent.id,
                status: "ACTIVE", subPorts: subPorts, createdAt: parent.createdAt.addingTimeInterval(10)))
    }

    /// Two allocated but unassociated floating IPs per project.
    private mutating func makeFreeFloatingIPs(
        _ context: NetworkLookup, into neutron: inout DemoNeutronResources, ports: inout [DemoPort]
    ) {
        for (index, project) in parts.projects.enumerated() {
            for slot in 0..<2 {
                let created = daysAgo(20 + slot)
                let fipID = rng.uuid()
                let address = "\(Self.floatingPrefix).0.\(100 + index * 2 + slot)"
                neutron.floatingIPs.append(
                    DemoFloatingIP(
                        id: fipID, projectID: project.id, floatingNetworkID: context.publicNetwork.id,
                        floatingIPAddress: address, fixedIPAddress: nil, portID: nil, routerID: nil, status: "DOWN",
                        description: "reserved for \(project.name)", createdAt: created))
                ports.append(
                    port(network: context.publicNetwork.id, project: "", subnet: context.publicSubnet.id, ip: address,
                         device: fipID, owner: "network:floatingip", status: "N/A", created: created))
            }
        }
    }
}
