import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The compute tools through MCP over HTTP, checked against the demo cloud's data.
@Suite(.serialized) struct ComputeToolsTests {
    static func ids(_ result: MCPTestClient.ToolResult, _ key: String = "id") -> Set<String> {
        Set(result.items.compactMap { $0[key]?.stringValue })
    }

    @Test func instanceFiltersNameIPAndChangesSinceAreServerSide() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let byName = try await client.call("get_instances", ["all_projects": true, "name": "^db-", "limit": 1000])
            #expect(Self.ids(byName) == Set(data.servers.filter { $0.name.hasPrefix("db-") }.map(\.id)))

            let floating = try #require(data.servers.flatMap(\.addresses).first { $0.type == "floating" })
            let pattern = "^" + NSRegularExpression.escapedPattern(for: floating.address) + "$"
            let byIP = try await client.call("get_instances", ["all_projects": true, "ip": .string(pattern)])
            #expect(Self.ids(byIP) == Set(data.servers.filter { $0.addresses.contains { $0.address == floating.address } }.map(\.id)))

            let sorted = data.servers.map(\.updated).sorted()
            let cutoff = sorted[sorted.count / 2]
            let formatter = ISO8601DateFormatter()
            let since = try await client.call(
                "get_instances", ["all_projects": true, "changes_since": .string(formatter.string(from: cutoff)), "limit": 1000])
            #expect(Self.ids(since) == Set(data.servers.filter { $0.updated >= cutoff }.map(\.id)))
            #expect(harness.cloud.requests().contains { $0.query.contains("changes-since=") })

            let bad = try await client.call("get_instances", ["changes_since": "last tuesday"])
            #expect(bad.isError && bad.text.contains("'changes_since'"), "\(bad.text)")
        }
    }

    @Test func instanceNamesAreResolvedInBatchesNotPerServer() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            _ = try await client.call("get_networks", ["limit": 1])
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instances", ["all_projects": true, "limit": 1000])
            #expect(result.items.count == harness.cloud.data.servers.count)
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/image/v2/images") == 1)
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/compute/v2.1/flavors") == 0, "flavors are embedded")
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/compute/v2.1/servers/detail") == 1)
        }
    }

    @Test func flavorsHonourVisibilityAndSizeFilters() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let flavors = harness.cloud.data.flavors
            let admin = harness.cloud.data.project(named: DemoCloud.adminProject)!.id
            let visible = try await client.call("get_flavors")
            #expect(Self.ids(visible) == Set(flavors.filter { $0.isPublic || $0.projectAccess.contains(admin) }.map(\.id)))
            let all = try await client.call("get_flavors", ["is_public": "all"])
            #expect(Self.ids(all) == Set(flavors.map(\.id)))
            let privateOnly = try await client.call("get_flavors", ["is_public": "false"])
            #expect(Self.ids(privateOnly) == Set(flavors.filter { !$0.isPublic }.map(\.id)))
            let big = try await client.call("get_flavors", ["min_ram": 8192, "min_disk": 100, "is_public": "all"])
            #expect(Self.ids(big) == Set(flavors.filter { $0.ram >= 8192 && $0.disk >= 100 }.map(\.id)))
            #expect(harness.cloud.requests().contains { $0.query.contains("minRam=8192") && $0.query.contains("minDisk=100") })

            let gpu = try #require(flavors.first { !$0.extraSpecs.isEmpty })
            let byName = try await client.call("get_flavor", ["id": .string(gpu.name)])
            #expect(byName.structured["item"]?["id"]?.stringValue == gpu.id, "\(byName.text)")
            #expect(byName.structured["item"]?["extra_specs"]?.objectValue?.count == gpu.extraSpecs.count)
            let byID = try await client.call("get_flavor", ["id": "3", "detail_level": "basic"])
            #expect(byID.structured["item"]?["name"]?.stringValue == flavors.first { $0.id == "3" }?.name)
        }
    }

    @Test func keypairsAreWrappedAndPagedByName() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let adminID = data.user(named: DemoCloud.adminUser)!.id
            let demoID = data.user(named: DemoCloud.memberUser)!.id
            var names: [String] = []
            var cursor: String?
            repeat {
                var arguments: [String: JSONValue] = ["limit": 2]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_keypairs", .object(arguments))
                #expect(!page.isError, "\(page.text)")
                names += page.items.compactMap { $0["name"]?.stringValue }
                cursor = page.structured["next_cursor"]?.stringValue
            } while cursor != nil && names.count < 20
            #expect(names == data.keypairs.filter { $0.userID == adminID }.map(\.name))
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-keypairs") && $0.query.contains("marker=") })

            let theirs = try await client.call("get_keypairs", ["user_id": .string(demoID), "detail_level": "detailed"])
            #expect(Self.ids(theirs, "name") == Set(data.keypairs.filter { $0.userID == demoID }.map(\.name)))
            #expect(theirs.items.allSatisfy { $0["public_key"]?.stringValue?.isEmpty == false && $0["fingerprint"] != nil })
        }
    }

    @Test func serverGroupsPageByOffsetAndShowThePolicy() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let groups = harness.cloud.data.serverGroups
            var seen: [String] = []
            var cursor: String?
            repeat {
                var arguments: [String: JSONValue] = ["all_projects": true, "limit": 1]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_server_groups", .object(arguments))
                seen += page.items.compactMap { $0["id"]?.stringValue }
                cursor = page.structured["next_cursor"]?.stringValue
            } while cursor != nil && seen.count < 20
            #expect(seen == groups.map(\.id))
            let queries = harness.cloud.requests().filter { $0.path.hasSuffix("/os-server-groups") }.map(\.query)
            #expect(queries.contains { $0.contains("offset=2") && $0.contains("limit=1") })

            let admin = harness.cloud.data.project(named: DemoCloud.adminProject)!.id
            let own = try await client.call("get_server_groups", ["limit": 1000])
            #expect(Self.ids(own) == Set(groups.filter { $0.projectID == admin }.map(\.id)))
            for group in groups {
                let item = try #require(try await client.call("get_server_groups", ["all_projects": true, "filter": .string(group.name)]).items.first)
                #expect(item["policy"]?.stringValue == group.policy)
                #expect(item["members"]?.arrayValue?.compactMap(\.stringValue) == group.members)
            }
        }
    }

    @Test func zonesAndAggregatesMatchTheCloud() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let zones = try await client.call("get_availability_zones")
            #expect(Self.ids(zones, "zone_name") == Set(data.computeServices.map(\.zone)))
            let nova = try #require(zones.items.first { $0["zone_name"]?.stringValue == "nova" })
            #expect(Set(nova["hosts"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(data.hypervisorHosts.map(\.name)))
            let down = data.computeServices.first { $0.state == "down" }!
            #expect(nova["services"]?.arrayValue?.contains { $0["host"]?.stringValue == down.host && $0["available"] == false } == true)

            let aggregates = try await client.call("get_aggregates")
            #expect(Self.ids(aggregates) == Set(data.aggregates.map { String($0.id) }))
            for aggregate in data.aggregates {
                let item = try #require(aggregates.items.first { $0["name"]?.stringValue == aggregate.name })
                #expect(item["hosts"]?.arrayValue?.compactMap(\.stringValue) == aggregate.hosts)
                #expect(item["uuid"]?.stringValue == aggregate.uuid)
            }
        }
    }
}
