import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Limits, quotas and usage over a period, checked against the servers of each project.
@Suite(.serialized) struct QuotaAndUsageTests {
    static func row(_ result: MCPTestClient.ToolResult, _ resource: String) -> JSONValue? {
        result.items.first { $0["resource"]?.stringValue == resource }
    }

    /// Servers, vCPUs and RAM of a project, counted here from the data.
    static func owned(_ data: DemoData, _ project: String) -> (count: Int, cores: Int, ram: Int) {
        let servers = data.servers.filter { $0.projectID == project }
        let flavors = servers.map { server in data.flavors.first { $0.id == server.flavorID }! }
        return (servers.count, flavors.reduce(0) { $0 + $1.vcpus }, flavors.reduce(0) { $0 + $1.ram })
    }

    @Test func limitsAndQuotasCountTheProjectsServers() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = data.project(named: DemoCloud.memberProject)!.id
            let expected = Self.owned(data, demo)
            let quota = data.computeQuotas.first { $0.projectID == demo }!

            let limits = try await client.call("get_compute_limits", ["project_id": .string(demo)])
            #expect(!limits.isError, "\(limits.text)")
            #expect(Self.row(limits, "instances")?["in_use"]?.intValue == expected.count)
            #expect(Self.row(limits, "instances")?["limit"]?.intValue == quota.instances)
            #expect(Self.row(limits, "cores")?["in_use"]?.intValue == expected.cores)
            #expect(Self.row(limits, "ram")?["in_use"]?.intValue == expected.ram)
            #expect(Self.row(limits, "ram")?["available"]?.intValue == quota.ram - expected.ram)
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/limits") && $0.query.contains("tenant_id=\(demo)") })

            let quotas = try await client.call("get_compute_quotas", ["project_id": .string(demo)])
            #expect(Self.row(quotas, "cores")?["in_use"]?.intValue == expected.cores)
            #expect(Self.row(quotas, "cores")?["limit"]?.intValue == quota.cores)
            #expect(Self.row(quotas, "instances")?["reserved"]?.intValue == 0)
            #expect(Self.row(quotas, "server_groups")?["in_use"]?.intValue == data.serverGroups.filter { $0.projectID == demo }.count)
            #expect(Self.row(quotas, "id") == nil)

            // The token's project by default: admin is unlimited.
            let own = try await client.call("get_compute_quotas", ["detail_level": "basic"])
            let admin = data.project(named: DemoCloud.adminProject)!.id
            #expect(Self.row(own, "instances")?["in_use"]?.intValue == Self.owned(data, admin).count)
            #expect(Self.row(own, "instances")?["limit"]?.intValue == -1)
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-quota-sets/\(admin)/detail") })
            let unlimited = try await client.call("get_compute_limits", ["filter": "cores"])
            #expect(unlimited.items.count == 1 && unlimited.items[0]["unlimited"] == .bool(true))
        }
    }

    /// Hours, CPU-hours and RAM-hours per project for the period, computed here as Nova does.
    static func expectedUsage(_ data: DemoData, start: Date, end: Date) -> [String: (servers: Int, cpu: Double, ram: Double, disk: Double)] {
        var totals: [String: (servers: Int, cpu: Double, ram: Double, disk: Double)] = [:]
        for server in data.servers {
            guard let launched = server.launchedAt, launched < end else { continue }
            let hours = max(0, end.timeIntervalSince(max(launched, start))) / 3600
            let flavor = data.flavors.first { $0.id == server.flavorID }!
            var entry = totals[server.projectID] ?? (0, 0, 0, 0)
            entry.servers += 1
            entry.cpu += hours * Double(flavor.vcpus)
            entry.ram += hours * Double(flavor.ram)
            entry.disk += hours * Double(flavor.disk)
            totals[server.projectID] = entry
        }
        return totals
    }

    @Test func usageOverAPeriodIsJoinedAcrossInstancePages() async throws {
        // Nova pages at most max_limit instances whatever limit asks: 250 servers make three pages.
        try await ServerHarness.run(servers: 250, computeMaxLimit: 100) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let end = Date(timeIntervalSince1970: 1_768_478_400)  // the demo data's reference time
            let start = end.addingTimeInterval(-120 * 86_400)
            let formatter = ISO8601DateFormatter()
            let arguments: JSONValue = [
                "all_projects": true, "start": .string(formatter.string(from: start)), "end": .string(formatter.string(from: end)),
            ]
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_usage", arguments)
            #expect(!result.isError, "\(result.text)")
            let expected = Self.expectedUsage(data, start: start, end: end)
            let servers = expected.values.reduce(0) { $0 + $1.servers }
            #expect(servers > 200, "the answer must span pages")
            let pages = harness.cloud.requests().filter { $0.path.hasSuffix("/os-simple-tenant-usage") }
            #expect(pages.count == servers / 100 + 1)
            #expect(pages.allSatisfy { $0.query.contains("detailed=1") && $0.query.contains("start=") })
            #expect(result.items.count == expected.count, "one item per project, not per page")
            for item in result.items {
                let project = try #require(item["project_id"]?.stringValue)
                let totals = try #require(expected[project])
                #expect(item["servers"]?.intValue == totals.servers)
                #expect(abs((item["cpu_hours"]?.doubleValue ?? -1) - totals.cpu) < 0.02, "\(project)")
                #expect(abs((item["ram_mb_hours"]?.doubleValue ?? -1) - totals.ram) < 0.02)
                #expect(abs((item["disk_gb_hours"]?.doubleValue ?? -1) - totals.disk) < 0.02)
                #expect(item["servers_by_state"]?.objectValue?.values.reduce(0) { $0 + ($1.intValue ?? 0) } == totals.servers)
            }

            // Default: the token's project, over the last 30 days.
            harness.cloud.resetRequestLog()
            let own = try await client.call("get_usage", ["detail_level": "basic"])
            let admin = data.project(named: DemoCloud.adminProject)!.id
            #expect(own.items.compactMap { $0["project_id"]?.stringValue } == [admin])
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-simple-tenant-usage/\(admin)") })

            let backwards = try await client.call("get_usage", ["start": "2026-02-01", "end": "2026-01-01"])
            #expect(backwards.isError && backwards.text.contains("'start'"))
        }
    }
}
