@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Manila tools through MCP over HTTP, against the demo cloud's shares (derived from its networks).
@Suite(.serialized) struct SharedFileSystemToolTests {
    static func item(_ result: MCPTestClient.ToolResult, _ key: String, _ value: String) -> JSONValue? {
        result.items.first { $0[key]?.stringValue == value }
    }

    @Test func sharesShowExportsNetworksAndAccessRules() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let manila = ManilaData(harness.cloud.data)
            let all = try await client.call("get_shares", ["all_projects": true])
            #expect(Set(all.items.compactMap { $0["name"]?.stringValue }) == Set(manila.shares.map(\.name)), "\(all.text)")
            let data = try #require(Self.item(all, "name", "demo-nfs-data"), "\(all.text)")
            let demoNet = try #require(manila.networks.first { $0.name == "demo-share-net" })
            #expect(data["share_network_name"]?.stringValue == "demo-share-net")
            #expect(data["share_proto"]?.stringValue == "NFS" && data["size_gb"]?.intValue == 10)
            // Exported on the demo subnet (its .50), plus the backend's admin-only path an admin sees.
            let paths = data["export_locations"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
            #expect(paths.first == ManilaData.host(in: demoNet.cidr, 50) + ":/shares/share-\(data["id"]?.stringValue ?? "")", "\(paths)")
            #expect(data["export_locations"]?.arrayValue?.contains { $0["admin_only"]?.boolValue == true } == true)
            let broken = try #require(Self.item(all, "name", "demo-cifs-reports"))
            #expect(broken["status"]?.stringValue == "error" && broken["export_locations"]?.arrayValue?.isEmpty == true, "no exports while in error")

            // Pages of one: Manila links the next page by marker; the tool's cursor still walks every share once.
            var names: [String] = [], arguments: [String: JSONValue] = ["all_projects": true, "limit": 1]
            repeat {
                let page = try await client.call("get_shares", .object(arguments))
                names += page.items.compactMap { $0["name"]?.stringValue }
                arguments["cursor"] = page.structured["next_cursor"].flatMap { $0 == .null ? nil : $0 }
            } while arguments["cursor"] != nil && names.count <= manila.shares.count
            #expect(names.sorted() == manila.shares.map(\.name).sorted(), "\(names)")
            let withHosts = try await client.call("get_shares", ["all_projects": true, "detail_level": "detailed"])
            #expect(withHosts.items.allSatisfy { $0["host"]?.stringValue == "manila-share@generic#pool0" }, "an admin sees the host")

            let errored = try await client.call("get_shares", ["all_projects": true, "status": "error"])
            #expect(errored.items.compactMap { $0["name"]?.stringValue } == ["demo-cifs-reports"])
            let onNet = try await client.call("get_shares", ["all_projects": true, "share_network_id": .string(demoNet.id)])
            #expect(onNet.items.count == manila.shares.filter { $0.network?.id == demoNet.id }.count)

            let one = try await client.call("get_share", ["id": "demo-nfs-data"])
            let rules = one.structured["item"]?["access_rules"]?.arrayValue ?? []
            #expect(rules.count == 3, "\(one.text)")
            #expect(rules.contains { $0["access_to"]?.stringValue == ManilaData.host(in: demoNet.cidr, 0) + "/24" && $0["access_level"]?.stringValue == "rw" })
            #expect(rules.contains { $0["state"]?.stringValue == "error" })

            let networks = try await client.call("get_share_networks", ["all_projects": true])
            let net = try #require(Self.item(networks, "name", "demo-share-net"), "\(networks.text)")
            let subnet = net["subnets"]?.arrayValue?.first
            #expect(subnet?["network_name"]?.stringValue == "private-demo", "\(networks.text)")
            #expect(subnet?["subnet_name"]?.stringValue == "private-demo-subnet")

            let snapshots = try await client.call("get_share_snapshots", ["all_projects": true])
            #expect(snapshots.items.first?["share_id"] == data["id"], "\(snapshots.text)")
            let types = try await client.call("get_share_types")
            #expect(Set(types.items.compactMap { $0["name"]?.stringValue }) == ["default", "gold-nfs"])
            #expect(types.items.first?["required_extra_specs"]?["driver_handles_share_servers"]?.stringValue == "True")
            let detailed = try await client.call("get_share_types", ["detail_level": "detailed"])
            #expect(detailed.items.allSatisfy { $0["extra_specs"]?["revert_to_snapshot_support"] == nil }, "an admin sees only the specs set")
            let pools = try await client.call("get_share_pools", ["detail_level": "detailed"])
            let allocated = manila.shares.reduce(0) { $0 + $1.size }
            #expect(pools.items.first?["allocated_capacity_gb"]?.intValue == allocated, "\(pools.text)")
            let servers = try await client.call("get_share_servers")
            #expect(servers.items.contains { $0["share_network_name"]?.stringValue == "demo-share-net" && $0["status"]?.stringValue == "active" })
        }
    }

    @Test func aMemberSeesItsOwnSharesLimitsAndNoAdminReads() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let manila = ManilaData(harness.cloud.data)
            let demoID = harness.cloud.data.projects.first { $0.name == DemoCloud.memberProject }!.id
            let own = manila.shares.filter { $0.projectID == demoID }
            let shares = try await client.call("get_shares")
            #expect(Set(shares.items.compactMap { $0["name"]?.stringValue }) == Set(own.map(\.name)), "\(shares.text)")
            #expect(shares.items.allSatisfy { $0["export_locations"]?.arrayValue?.contains { $0["admin_only"] != nil } != true },
                "admin-only exports stay hidden from a member")
            let detailed = try await client.call("get_shares", ["detail_level": "detailed"])
            #expect(!detailed.items.isEmpty && detailed.items.allSatisfy { $0["host"] == nil }, "Manila hides the host from members: \(detailed.text)")
            let limits = try await client.call("get_share_limits", ["detail_level": "detailed"])
            let used = limits.structured["item"]?["limits"]
            #expect(used?["shares"]?["in_use"]?.intValue == own.count, "\(limits.text)")
            #expect(used?["gigabytes"]?["in_use"]?.intValue == own.reduce(0) { $0 + $1.size })
            #expect(used?["shares"]?["remaining"]?.intValue == 50 - own.count)
            // Manila shows a member the defaults of the optional specs a type leaves unset, as JSON
            // booleans beside the set ones' strings; the tool keeps both as they are.
            let types = try await client.call("get_share_types", ["detail_level": "detailed"])
            #expect(types.items.allSatisfy { $0["extra_specs"]?["revert_to_snapshot_support"] == .bool(false) }, "\(types.text)")
            #expect(types.items.allSatisfy { $0["extra_specs"]?["snapshot_support"]?.stringValue != nil }, "\(types.text)")
            let pools = try await client.call("get_share_pools")
            #expect(pools.isError && pools.text.contains("403"), "\(pools.text)")
        }
    }
}
