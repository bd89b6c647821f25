import CloudSimulator
import Foundation
import Testing

/// The demo cloud's Neutron data holds together with its Nova data.
@Suite struct NeutronDemoDataTests {
    static let data = DemoData(configuration: DemoCloudConfiguration(servers: 300))

    @Test func everyServerAddressIsAPortOfThatServer() throws {
        let data = Self.data
        let portsByDevice = Dictionary(grouping: data.ports, by: \.deviceID)
        let networks = Dictionary(uniqueKeysWithValues: data.networks.map { ($0.name, $0) })
        let subnets = Dictionary(uniqueKeysWithValues: data.subnets.map { ($0.id, $0) })
        let groups = Dictionary(uniqueKeysWithValues: data.securityGroups.map { ($0.id, $0) })
        var floatingSeen = 0
        for server in data.servers {
            let ports = portsByDevice[server.id] ?? []
            let fixed = server.addresses.filter { $0.type == "fixed" }
            #expect(ports.count == fixed.count, "\(server.name)")
            for address in fixed {
                let port = try #require(ports.first { $0.fixedIPs.contains { $0.ipAddress == address.address } })
                #expect(port.macAddress == address.macAddress)
                #expect(port.deviceOwner == "compute:\(server.availabilityZone)")
                #expect(port.projectID == server.projectID)
                let network = try #require(networks[address.networkName])
                #expect(port.networkID == network.id)
                let subnet = try #require(subnets[port.fixedIPs[0].subnetID])
                #expect(subnet.networkID == network.id)
                #expect(address.address.hasPrefix(subnet.cidr.components(separatedBy: ".0.0/")[0] + "."))
                let names = port.securityGroupIDs.compactMap { groups[$0] }
                #expect(names.map(\.name).sorted() == server.securityGroups.sorted())
                #expect(names.allSatisfy { $0.projectID == server.projectID })
            }
            for address in server.addresses where address.type == "floating" {
                floatingSeen += 1
                let floating = try #require(data.floatingIPs.first { $0.floatingIPAddress == address.address })
                let port = try #require(ports.first { $0.macAddress == address.macAddress })
                #expect(floating.portID == port.id && floating.fixedIPAddress == port.fixedIPs[0].ipAddress)
                #expect(floating.projectID == server.projectID)
                let router = try #require(data.routers.first { $0.id == floating.routerID })
                #expect(router.externalNetworkID == floating.floatingNetworkID)
                #expect(data.ports.contains {
                    $0.deviceID == router.id && $0.deviceOwner == "network:router_interface"
                        && $0.fixedIPs[0].subnetID == port.fixedIPs[0].subnetID
                })
            }
        }
        #expect(floatingSeen > 10)
        // Every associated floating IP is a `floating` address of the server behind its port.
        let portByID = Dictionary(uniqueKeysWithValues: data.ports.map { ($0.id, $0) })
        for floating in data.floatingIPs {
            guard let portID = floating.portID else {
                #expect(floating.status == "DOWN" && floating.routerID == nil)
                continue
            }
            let server = try #require(data.server(id: portByID[portID]?.deviceID ?? ""))
            #expect(server.addresses.contains { $0.type == "floating" && $0.address == floating.floatingIPAddress })
        }
        #expect(data.floatingIPs.contains { $0.portID == nil })
    }

    @Test func routersGroupsAndAddressesAreConsistent() throws {
        let data = Self.data
        let external = try #require(data.networks.first { $0.external })
        for router in data.routers {
            #expect(router.externalNetworkID == external.id)
            let gateway = data.ports.filter { $0.deviceID == router.id && $0.deviceOwner == "network:router_gateway" }
            #expect(gateway.map { $0.fixedIPs[0].ipAddress } == router.externalFixedIPs.map(\.ipAddress))
            let interfaces = data.ports.filter { $0.deviceID == router.id && $0.deviceOwner == "network:router_interface" }
            #expect(!interfaces.isEmpty)
            for interface in interfaces {
                let network = try #require(data.network(id: interface.networkID))
                #expect(!network.external)
                let subnet = try #require(data.subnets.first { $0.id == interface.fixedIPs[0].subnetID })
                #expect(interface.fixedIPs[0].ipAddress == subnet.gatewayIP)
            }
        }
        for project in data.projects {
            // Besides the seeded diagnosis scenarios (named diag-*), every project has the same two.
            let names = data.securityGroups.filter { $0.projectID == project.id && !$0.name.hasPrefix("diag-") }.map(\.name).sorted()
            #expect(names == ["default", "web"])
        }
        for rule in data.securityGroupRules {
            #expect(data.securityGroups.contains { $0.id == rule.securityGroupID && $0.projectID == rule.projectID })
        }
        // No address or MAC is handed out twice.
        let addresses = data.ports.flatMap { port in port.fixedIPs.map { "\($0.subnetID)/\($0.ipAddress)" } }
        #expect(Set(addresses).count == addresses.count)
        #expect(Set(data.ports.map(\.macAddress)).count == data.ports.count)
        #expect(data.ports.map(\.id) == data.ports.map(\.id).sorted(), "Neutron lists by id")
        for trunk in data.trunks {
            let parent = try #require(data.ports.first { $0.id == trunk.portID })
            #expect(parent.trunkID == trunk.id && parent.deviceOwner.hasPrefix("compute:"))
            for subPort in trunk.subPorts {
                #expect(data.ports.contains { $0.id == subPort.portID && $0.deviceID == trunk.id && $0.deviceOwner == "trunk:subport" })
            }
        }
        #expect(!data.trunks.isEmpty && !data.subnetPools.isEmpty)
    }

    /// CPU time of the calling thread: unlike the wall clock, it does not grow when parallel tests
    /// share the cores.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func generationIsDeterministicAndFast() {
        let started = Self.threadCPUSeconds()
        let first = DemoData(configuration: DemoCloudConfiguration(servers: 2000))
        let elapsed = Self.threadCPUSeconds() - started
        let second = DemoData(configuration: DemoCloudConfiguration(servers: 2000))
        #expect(first.servers == second.servers)
        #expect(first.ports == second.ports && first.floatingIPs == second.floatingIPs && first.routers == second.routers)
        #expect(first.securityGroupRules == second.securityGroupRules && first.trunks == second.trunks)
        #expect(first.ports.count > 2000)
        // 2000 servers take about 0.25 s of CPU in a debug build; the margin absorbs slow machines.
        #expect(elapsed < 1.0, "2000 servers took \(elapsed) s of CPU")
    }
}
