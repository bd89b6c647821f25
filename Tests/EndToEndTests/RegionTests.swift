import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The region argument: every tool takes it, it picks the region's endpoints for that call only,
/// and a service missing from a region is an error that names the regions that have it.
@Suite(.serialized) struct RegionTests {
    @Test func theRegionArgumentPicksThatRegionsEndpointsForThatCallOnly() async throws {
        try await ServerHarness.run { harness in
            let one = Set(harness.cloud.data.servers.map(\.id))
            let two = Set(harness.cloud.regionTwoData.servers.map(\.id))
            // A quarter of the 48 servers, plus the seeded diagnosis scenarios (named diag-*).
            #expect(harness.cloud.regionTwoData.servers.filter { !$0.name.hasPrefix("diag-") }.count == 12)
            harness.cloud.resetRequestLog()
            async let first = harness.client().call(
                "get_instances", ["region": "RegionTwo", "all_projects": true, "limit": 1000, "detail_level": "basic"])
            async let second = harness.client().call(
                "get_instances", ["all_projects": true, "limit": 1000, "detail_level": "basic"])
            let (inTwo, inOne) = try await (first, second)
            #expect(!inTwo.isError, "\(inTwo.text)")
            #expect(Set(inTwo.items.compactMap { $0["id"]?.stringValue }) == two)
            #expect(inTwo.structured["region"]?.stringValue == "RegionTwo")
            #expect(Set(inOne.items.compactMap { $0["id"]?.stringValue }) == one, "the other caller still sees RegionOne")
            #expect(inOne.structured["region"]?.stringValue == "RegionOne")
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/region-two/compute/v2.1/servers") >= 1)
            #expect(harness.cloud.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") == 1, "regions share the token")

            let serverID = try #require(harness.cloud.regionTwoData.servers.first?.id)
            let shown = try await harness.client().call("get_instance", ["id": .string(serverID), "region": "RegionTwo"])
            #expect(!shown.isError, "\(shown.text)")
            #expect(shown.structured["region"]?.stringValue == "RegionTwo")
        }
    }

    @Test func aServiceMissingFromARegionNamesTheRegionsThatHaveIt() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let volumes = try await client.call("get_volumes", ["region": "RegionTwo"])
            #expect(volumes.isError)
            #expect(volumes.text.contains("Cinder (block-storage) is not offered in region RegionTwo; regions that have it: RegionOne"), "\(volumes.text)")
            let unknown = try await client.call("get_networks", ["region": "RegionNine"])
            #expect(unknown.isError)
            #expect(unknown.text.contains("region 'RegionNine' is not in this cloud's catalog; its regions are RegionOne, RegionTwo"), "\(unknown.text)")
            let wrongType = try await client.call("get_images", ["region": 7])
            #expect(wrongType.isError && wrongType.text.contains("'region'"))

            // Placement is only in RegionOne too; the core says so for any service.
            do {
                _ = try await harness.openstack.inRegion("RegionTwo").get(.placement, path: "/resource_providers")
                Issue.record("expected an error")
            } catch let error as OpenStackError {
                #expect(error.kind == .catalog)
                #expect(error.message.contains("regions that have it: RegionOne"))
            }
        }
    }

    @Test func everyCloudToolDeclaresTheRegionArgument() async throws {
        try await ServerHarness.run { harness in
            let tools = try await harness.client().listTools()
            for tool in tools where tool["name"]?.stringValue != "get_clouds" {
                #expect(tool["inputSchema"]?["properties"]?["region"] != nil, "\(tool["name"]?.stringValue ?? "?") lacks region")
                #expect(tool["inputSchema"]?["properties"]?["cloud"] != nil)
            }
        }
    }
}
