import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The per-provider Placement reads and a server's allocations, through MCP against the demo cloud.
@Suite struct PlacementReadsTests {
    static let member = (user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject)

    @Test func traitsOfAProviderByNameOrUUID() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            for host in data.hypervisorHosts {
                let byName = try await client.call("get_resource_provider_traits", ["provider": .string(host.name), "limit": 1000])
                #expect(!byName.isError, "\(byName.text)")
                #expect(byName.items.compactMap { $0["name"]?.stringValue } == data.traits(of: host))
                let byUUID = try await client.call("get_resource_provider_traits", ["provider": .string(host.id), "limit": 1000])
                #expect(byUUID.items == byName.items)
            }
            let disabled = try #require(data.hypervisorHosts.first { $0.status == "disabled" })
            let traits = try await client.call("get_resource_provider_traits", ["provider": .string(disabled.name), "filter": "status"])
            #expect(traits.items.map { $0["name"]?.stringValue } == ["COMPUTE_STATUS_DISABLED"] && traits.items.first?["custom"] == false)
            // The GPU aggregate's hosts carry its trait, and no host has the scenario's A100.
            let gpuHost = try #require(data.aggregates.first { $0.name == "gpu-hosts" }?.hosts.first)
            let gpu = try await client.call("get_resource_provider_traits", ["provider": .string(gpuHost), "filter": "CUSTOM_"])
            #expect(gpu.items.map { $0["name"]?.stringValue } == ["CUSTOM_GPU_HOST"] && gpu.items.first?["custom"] == true)

            let unknown = try await client.call("get_resource_provider_traits", ["provider": "no-such-host"])
            #expect(unknown.isError && unknown.text.contains("no-such-host"), "\(unknown.text)")
            let missing = try await client.call("get_resource_provider_traits", ["provider": "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a"])
            #expect(missing.isError && missing.text.contains("no resource provider"), "\(missing.text)")
            let none = try await client.call("get_resource_provider_traits", ["provider": .string(gpuHost), "filter": "nothing-like-this"])
            #expect(!none.isError && none.items.isEmpty)
            #expect(none.structured["notes"]?.arrayValue?.first?.stringValue?.hasPrefix("0 traits match") == true, "\(none.text)")
        }
    }

    @Test func aggregatesNameNovasHostAggregates() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            for host in data.hypervisorHosts {
                let result = try await client.call("get_resource_provider_aggregates", ["provider": .string(host.name)])
                let expected = data.aggregates.filter { $0.hosts.contains(host.name) }
                #expect(Set(result.items.compactMap { $0["uuid"]?.stringValue }) == Set(expected.map(\.uuid)), "\(host.name)")
                for aggregate in expected {
                    let item = try #require(result.items.first { $0["uuid"]?.stringValue == aggregate.uuid })
                    #expect(item["nova_aggregate"]?["name"]?.stringValue == aggregate.name)
                }
                if expected.isEmpty { #expect(result.structured["notes"] != nil) }
            }
            let basic = try await client.call("get_resource_provider_aggregates", ["provider": .string(data.hypervisorHosts[0].name), "detail_level": "basic"])
            #expect(basic.items.allSatisfy { $0["nova_aggregate"] == nil })
        }
    }

    @Test func inventoriesGiveCapacityAndUsagesWhatIsUsed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            for host in data.hypervisorHosts {
                let inventories = try await client.call("get_resource_provider_inventories", ["provider": .string(host.name)])
                let expected = data.placementInventory(of: host)
                #expect(inventories.items.count == expected.count)
                for entry in expected {
                    let item = try #require(inventories.items.first { $0["resource_class"]?.stringValue == entry.resourceClass })
                    #expect(item["total"]?.intValue == entry.total && item["reserved"]?.intValue == entry.reserved)
                    #expect(item["capacity"]?.intValue == Int(Double(entry.total - entry.reserved) * entry.allocationRatio))
                    #expect(item["allocation_ratio"]?.doubleValue == entry.allocationRatio)
                    #expect(item["max_unit"]?.intValue == entry.maxUnit && item["min_unit"]?.intValue == 1 && item["step_size"]?.intValue == 1)
                }
                let usages = try await client.call("get_resource_provider_usages", ["provider": .string(host.id)])
                let used = Dictionary(uniqueKeysWithValues: usages.items.compactMap { item in
                    item["resource_class"]?.stringValue.map { ($0, item["used"]?.intValue ?? -1) }
                })
                #expect(used == Self.classes(CapacityToolsTests.expectedUsage(data, host: host.name)), "\(host.name)")
                for entry in expected {
                    let item = try #require(usages.items.first { $0["resource_class"]?.stringValue == entry.resourceClass })
                    let capacity = Int(Double(entry.total - entry.reserved) * entry.allocationRatio)
                    #expect(item["capacity"]?.intValue == capacity && item["free"]?.intValue == capacity - (used[entry.resourceClass] ?? 0))
                }
            }
            let basic = try await client.call("get_resource_provider_inventories", ["provider": .string(data.hypervisorHosts[0].name), "detail_level": "basic"])
            #expect(basic.items.allSatisfy { $0["capacity"] != nil && $0["step_size"] == nil })
        }
    }

    @Test func aServersAllocationsNameItsProvider() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let server = try #require(data.servers.first { $0.status == "ACTIVE" && $0.host != nil })
            let host = try #require(data.hypervisorHosts.first { $0.name == server.host })
            let flavor = try #require(data.flavors.first { $0.id == server.flavorID })
            for key in [server.id, server.name] {
                let result = try await client.call("get_allocations", ["server": .string(key)])
                #expect(!result.isError && result.items.count == 1, "\(result.text)")
                let item = try #require(result.items.first)
                #expect(item["resource_provider_uuid"]?.stringValue == host.id && item["resource_provider_name"]?.stringValue == host.name)
                #expect(item["resources"]?["VCPU"]?.intValue == flavor.vcpus && item["resources"]?["MEMORY_MB"]?.intValue == flavor.ram)
                #expect(item["project_id"]?.stringValue == server.projectID && item["user_id"]?.stringValue == server.userID)
                #expect(item["consumer_type"]?.stringValue == "INSTANCE")
            }
            // The server the scheduler could not place holds nothing, and the answer says so.
            let failed = try #require(data.servers.first { $0.name == "diag-needs-gpu" })
            let none = try await client.call("get_allocations", ["server": .string(failed.id)])
            #expect(!none.isError && none.items.isEmpty)
            let notes = none.structured["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(notes.contains { $0.contains("no allocations") }, "\(notes)")
        }
    }

    @Test func aMemberIsToldThePlacementReadsNeedTheAdminRole() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let client = harness.client()
            let provider = harness.cloud.data.hypervisorHosts[0].id
            for (tool, arguments) in [
                ("get_resource_provider_traits", ["provider": JSONValue.string(provider)]),
                ("get_resource_provider_aggregates", ["provider": .string(provider)]),
                ("get_resource_provider_inventories", ["provider": .string(provider)]),
                ("get_resource_provider_usages", ["provider": .string(provider)]),
                ("get_allocations", ["server": .string(harness.cloud.data.servers[0].id)]),
                ("get_allocation_candidates", ["resources": "VCPU:1"]),
            ] {
                let result = try await client.call(tool, .object(arguments))
                #expect(result.isError && result.text.contains("HTTP 403") && result.text.contains("admin role"), "\(tool): \(result.text)")
            }
        }
    }

    /// `expectedUsage` in Placement's resource classes.
    static func classes(_ usage: (vcpus: Int, ram: Int, disk: Int)) -> [String: Int] {
        ["VCPU": usage.vcpus, "MEMORY_MB": usage.ram, "DISK_GB": usage.disk]
    }
}
