import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Hypervisor and Placement capacity, checked against the servers placed on each host. (The
/// compute suites run their tests one at a time so that, beside the rest, they do not starve the
/// two cores the deadline tests time.)
@Suite(.serialized) struct CapacityToolsTests {
    /// What the servers placed on `host` allocate, computed here from the data (not the simulator's
    /// helpers): vCPUs and RAM of their flavors, and root (unless booted from volume) + ephemeral +
    /// swap in GiB. Servers in ERROR hold nothing.
    static func expectedUsage(_ data: DemoData, host: String) -> (vcpus: Int, ram: Int, disk: Int) {
        var total = (vcpus: 0, ram: 0, disk: 0)
        for server in data.servers where server.host == host && server.status != "ERROR" {
            let flavor = data.flavors.first { $0.id == server.flavorID }!
            total.vcpus += flavor.vcpus
            total.ram += flavor.ram
            total.disk += (server.imageID == nil ? 0 : flavor.disk) + flavor.ephemeral + Int((Double(flavor.swap) / 1024).rounded(.up))
        }
        return total
    }

    @Test func hypervisorUsageComesFromPlacementAndMatchesThePlacedServers() async throws {
        try await ServerHarness.run(servers: 120) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            _ = try await client.call("get_hypervisors", ["limit": 1, "detail_level": "basic"])  // token and discovery
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_hypervisors", ["limit": 1000])
            #expect(!result.isError, "\(result.text)")
            #expect(result.items.count == data.hypervisorHosts.count)
            for host in data.hypervisorHosts {
                let item = try #require(result.items.first { $0["hypervisor_hostname"]?.stringValue == host.name })
                let usage = try #require(item["usage"], "\(host.name) has no usage")
                let expected = Self.expectedUsage(data, host: host.name)
                #expect(usage["source"]?.stringValue == "placement")
                #expect(usage["vcpus"]?.intValue == host.vcpus && usage["vcpus_used"]?.intValue == expected.vcpus)
                #expect(usage["memory_mb"]?.intValue == host.memoryMB && usage["memory_mb_used"]?.intValue == expected.ram)
                #expect(usage["local_gb"]?.intValue == host.localGB && usage["local_gb_used"]?.intValue == expected.disk)
                #expect(usage["running_vms"]?.intValue == data.servers.filter { $0.host == host.name }.count)
                #expect(item["state"]?.stringValue == host.state && item["status"]?.stringValue == host.status)
            }
            // One Nova request, then two Placement reads per host on the page: no more.
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/compute/v2.1/os-hypervisors") == 1)
            let placement = harness.cloud.requests().filter { $0.path.hasPrefix("/placement/resource_providers/") }
            #expect(placement.count == 2 * data.hypervisorHosts.count)
            #expect(Set(placement.map(\.path)).count == placement.count, "each provider is read once")

            harness.cloud.resetRequestLog()
            let basic = try await client.call("get_hypervisors", ["limit": 2, "detail_level": "basic"])
            #expect(basic.items.count == 2 && basic.items.allSatisfy { $0["usage"] == nil })
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/placement") == 0, "basic needs no Placement reads")
            #expect(harness.cloud.requests().contains { $0.query.contains("limit=2") })
        }
    }

    @Test func getHypervisorByIDOrHostnameWithItsServers() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let host = data.hypervisorHosts[0]
            let byName = try await client.call("get_hypervisor", ["id": .string(host.name)])
            #expect(byName.structured["item"]?["id"]?.stringValue == host.id, "\(byName.text)")
            let servers = byName.structured["item"]?["servers"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(Set(servers) == Set(data.servers.filter { $0.host == host.name }.map(\.id)))
            #expect(byName.structured["item"]?["usage"]?["vcpus_used"]?.intValue == Self.expectedUsage(data, host: host.name).vcpus)
            let byID = try await client.call("get_hypervisor", ["id": .string(host.id), "detail_level": "full"])
            #expect(byID.structured["item"]?["hypervisor_hostname"]?.stringValue == host.name)
            let missing = try await client.call("get_hypervisor", ["id": "no-such-host"])
            #expect(missing.isError)
        }
    }

    @Test func resourceProvidersShowInventoriesAndUsageWithBoundedReads() async throws {
        try await ServerHarness.run(servers: 300) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            #expect(data.hypervisorHosts.count == 12)
            _ = try await client.call("get_resource_providers", ["limit": 1, "detail_level": "basic"])
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_resource_providers", ["limit": 1000])
            #expect(Set(result.items.compactMap { $0["uuid"]?.stringValue }) == Set(data.hypervisorHosts.map(\.id)))
            for host in data.hypervisorHosts {
                let item = try #require(result.items.first { $0["name"]?.stringValue == host.name })
                let expected = Self.expectedUsage(data, host: host.name)
                let vcpu = item["resources"]?["VCPU"]
                #expect(vcpu?["total"]?.intValue == host.vcpus && vcpu?["used"]?.intValue == expected.vcpus)
                #expect(vcpu?["capacity"]?.intValue == host.vcpus * 4)
                #expect(item["resources"]?["MEMORY_MB"]?["used"]?.intValue == expected.ram)
                #expect(item["resources"]?["MEMORY_MB"]?["reserved"]?.intValue == 512)
                #expect(item["resources"]?["DISK_GB"]?["used"]?.intValue == expected.disk)
            }
            // Placement has no batch read: one list, then inventories + usages per provider.
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/placement/resource_providers") == 1 + 2 * 12)

            harness.cloud.resetRequestLog()
            let two = try await client.call("get_resource_providers", ["limit": 2])
            #expect(two.items.count == 2 && two.structured["next_cursor"] != nil)
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/placement/resource_providers") == 1 + 2 * 2)

            let full = try await client.call("get_resource_providers", ["limit": 1, "detail_level": "full"])
            #expect(full.items.first?["inventories"]?["VCPU"]?["allocation_ratio"] != nil)
            #expect(full.items.first?["links"] != nil)
        }
    }

    @Test func resourceProviderFiltersAreServerSide() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let enabled = try await client.call("get_resource_providers", ["required": "!COMPUTE_STATUS_DISABLED", "detail_level": "basic"])
            #expect(Set(enabled.items.compactMap { $0["name"]?.stringValue })
                == Set(data.hypervisorHosts.filter { $0.status == "enabled" }.map(\.name)))
            let ssd = try #require(data.aggregates.first { $0.name == "ssd-hosts" })
            let members = try await client.call("get_resource_providers", ["member_of": .string(ssd.uuid), "detail_level": "basic"])
            #expect(Set(members.items.compactMap { $0["name"]?.stringValue }) == Set(ssd.hosts))
            // Ask for as much free RAM as the emptiest host has: it fits there, and only where as much is free.
            let free = Dictionary(uniqueKeysWithValues: data.hypervisorHosts.map { ($0.name, $0.memoryMB - 512 - Self.expectedUsage(data, host: $0.name).ram) })
            let amount = free.values.max()!
            let roomy = try await client.call(
                "get_resource_providers", ["resources": .string("VCPU:1,MEMORY_MB:\(amount)"), "detail_level": "basic"])
            #expect(Set(roomy.items.compactMap { $0["name"]?.stringValue }) == Set(free.filter { $0.value >= amount }.keys))
            #expect(!roomy.items.isEmpty && roomy.items.count < data.hypervisorHosts.count)
            let named = try await client.call("get_resource_providers", ["name": .string(data.hypervisorHosts[1].name)])
            #expect(named.items.compactMap { $0["uuid"]?.stringValue } == [data.hypervisorHosts[1].id])
        }
    }
}

/// On an older Nova the same tools read the older shapes.
@Suite(.serialized) struct OlderComputeMicroversionTests {
    @Test func before2_88HypervisorsReportTheirOwnUsageAndNoPlacementReadIsMade() async throws {
        try await ServerHarness.run(computeMicroversion: 87) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let result = try await client.call("get_hypervisors", ["limit": 1000])
            #expect(!result.isError, "\(result.text)")
            for host in data.hypervisorHosts {
                let item = try #require(result.items.first { $0["hypervisor_hostname"]?.stringValue == host.name })
                let usage = try #require(item["usage"])
                let expected = CapacityToolsTests.expectedUsage(data, host: host.name)
                #expect(usage["source"]?.stringValue == "nova")
                #expect(usage["vcpus_used"]?.intValue == expected.vcpus)
                // Nova's own counter includes the 512 MiB reserved for the host.
                #expect(usage["memory_mb_used"]?.intValue == expected.ram + 512)
                #expect(usage["local_gb_used"]?.intValue == expected.disk)
                #expect(usage["running_vms"]?.intValue == data.servers.filter { $0.host == host.name }.count)
            }
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/placement/resource_providers") == 0)
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-hypervisors/detail") && $0.query.contains("limit=") })
        }
    }

    @Test func before2_64ServerGroupsHavePoliciesAndAreStillRead() async throws {
        try await ServerHarness.run(computeMicroversion: 60) { harness in
            let client = harness.client()
            let result = try await client.call("get_server_groups", ["all_projects": true, "detail_level": "full"])
            #expect(result.items.allSatisfy { $0["policies"] != nil && $0["policy"] == nil }, "\(result.text)")
            let detailed = try await client.call("get_server_groups", ["all_projects": true])
            #expect(detailed.items.compactMap { $0["policy"]?.stringValue } == harness.cloud.data.serverGroups.map(\.policy))
        }
    }

    @Test func before2_47FlavorNamesComeFromOneFlavorList() async throws {
        try await ServerHarness.run(computeMicroversion: 46) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            _ = try await client.call("get_networks", ["limit": 1])
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instances", ["all_projects": true, "limit": 1000, "detail_level": "basic"])
            #expect(result.items.count == data.servers.count)
            for server in data.servers {
                let item = try #require(result.items.first { $0["id"]?.stringValue == server.id })
                #expect(item["flavor"]?.stringValue == data.flavors.first { $0.id == server.flavorID }?.name)
            }
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/compute/v2.1/flavors") == 1, "one list, not one per server")
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/image/v2/images") == 1)
        }
    }
}
