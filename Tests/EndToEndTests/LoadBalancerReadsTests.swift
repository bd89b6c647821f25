@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Issue 23's Octavia reads over MCP against the demo cloud: L7 policies and their rules, a
/// balancer's statistics, flavors, providers, zones and quotas.
@Suite struct LoadBalancerReadsTests {
    @Test func l7PoliciesByListenerAndTheirRules() async throws {
        try await ServerHarness.run { harness in
            let extras = harness.cloud.data.extras
            let client = harness.client()
            let listener = try #require(extras.listeners.first { $0.body["name"] == "web-http" })
            let pool = try #require(extras.pools.first { $0.parentID == listener.parentID })
            let answer = try await client.call("get_l7_policies", ["listener_id": .string(listener.id)])
            #expect(!answer.isError, "\(answer.text)")
            #expect(answer.items.compactMap { $0["name"]?.stringValue } == ["block-admin", "api-to-web-pool", "legacy-host-redirect"])
            #expect(answer.items.allSatisfy { $0["listener_id"]?.stringValue == listener.id })
            let toPool = try #require(answer.items.first { $0["action"] == "REDIRECT_TO_POOL" })
            #expect(toPool["redirect_pool_id"]?.stringValue == pool.id && toPool["redirect_pool_name"]?.stringValue == pool.body["name"]?.filterText)
            let redirect = try #require(answer.items.first { $0["action"] == "REDIRECT_PREFIX" })
            #expect(redirect["redirect_prefix"] == "https://www.example.com" && redirect["redirect_http_code"] == .int(301))
            let rejected = try await client.call("get_l7_policies", ["action": "reject"])
            #expect(rejected.items.compactMap { $0["name"]?.stringValue } == ["block-admin"], "\(rejected.text)")

            // The rules, by the policy's name or ID.
            let policy = try #require(extras.l7Policies.first { $0.body["name"] == "api-to-web-pool" })
            for key in ["api-to-web-pool", policy.id] {
                let rules = try await client.call("get_l7_rules", ["l7policy": .string(key)])
                #expect(!rules.isError, "\(rules.text)")
                #expect(Set(rules.items.compactMap { $0["id"]?.stringValue }) == Set(extras.l7Rules.filter { $0.parentID == policy.id }.map(\.id)))
                let header = try #require(rules.items.first { $0["type"] == "HEADER" })
                #expect(header["key"] == "X-Api-Version" && header["value"] == "2" && header["compare_type"] == "EQUAL_TO" && header["invert"] == .bool(false))
                #expect(rules.items.contains { $0["type"] == "PATH" && $0["value"] == "/api" && $0["compare_type"] == "STARTS_WITH" })
            }
            let paths = try await client.call("get_l7_rules", ["l7policy": .string(policy.id), "type": "path"])
            #expect(paths.items.count == 1, "\(paths.text)")
            let missing = try await client.call("get_l7_rules", ["l7policy": "no-such-policy"])
            #expect(missing.isError && missing.text.contains("no-such-policy"), "\(missing.text)")
        }
    }

    @Test func statsOfABalancerByNameOrID() async throws {
        try await ServerHarness.run { harness in
            let extras = harness.cloud.data.extras
            for name in ["web-lb", "api-lb"] {
                let balancer = try #require(extras.loadBalancers.first { $0.body["name"] == .string(name) })
                let stats = try #require(extras.loadBalancerStats[balancer.id])
                for key in [name, balancer.id] {
                    let answer = try await harness.client().call("get_load_balancer_stats", ["load_balancer": .string(key)])
                    let item = answer.structured["item"] ?? .null
                    #expect(!answer.isError && item["loadbalancer_id"]?.stringValue == balancer.id, "\(answer.text)")
                    for field in ["bytes_in", "bytes_out", "active_connections", "total_connections", "request_errors"] {
                        #expect(item[field]?.intValue == stats[field].flatMap { Int($0.filterText ?? "") }, "\(name) \(field)")
                    }
                }
            }
            // A degraded balancer has errors to show; a healthy one none.
            let web = try await harness.client().call("get_load_balancer_stats", ["load_balancer": "web-lb"])
            #expect((web.structured["item"]?["request_errors"]?.intValue ?? 0) > 0)
            let missing = try await harness.client().call("get_load_balancer_stats", ["load_balancer": "no-such-lb"])
            #expect(missing.isError && missing.text.contains("no-such-lb"), "\(missing.text)")
        }
    }

    @Test func flavorsProvidersAndZones() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let extras = harness.cloud.data.extras
            let client = harness.client()
            // Made by an admin, seen by every project.
            let flavors = try await client.call("get_load_balancer_flavors", [:])
            #expect(flavors.items.compactMap { $0["name"]?.stringValue } == extras.octaviaFlavors.compactMap { $0.body["name"]?.filterText })
            #expect(flavors.items.allSatisfy { $0["flavor_profile_id"] != nil && $0["enabled"] == .bool(true) && $0["description"] != nil })
            let providers = try await client.call("get_load_balancer_providers", [:])
            #expect(providers.items.compactMap { $0["name"]?.stringValue } == ["amphora", "octavia"], "\(providers.text)")
            let zones = try await client.call("get_load_balancer_availability_zones", [:])
            #expect(zones.items.compactMap { $0["name"]?.stringValue } == ["az-1", "az-legacy"], "\(zones.text)")
            let enabled = try await client.call("get_load_balancer_availability_zones", ["enabled": true])
            #expect(enabled.items.compactMap { $0["name"]?.stringValue } == ["az-1"], "\(enabled.text)")
        }
    }

    @Test func quotasOfOneProjectOrEverySetOne() async throws {
        try await ServerHarness.run { harness in
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject))
            let admin = try #require(data.project(named: DemoCloud.adminProject))
            let client = harness.client()
            // The server's own project: nothing set, so Octavia's defaults (-1, unlimited).
            let own = try await client.call("get_load_balancer_quotas", [:])
            #expect(own.items.count == 1 && own.items[0]["project_id"]?.stringValue == admin.id, "\(own.text)")
            #expect(LoadBalancerQuota.kinds.allSatisfy { own.items[0][$0] == .int(-1) }, "\(own.text)")
            // The demo project's set values, defaults filled in.
            let set = try await client.call("get_load_balancer_quotas", ["project_id": .string(demo.id)])
            #expect(set.items.first?["loadbalancer"] == .int(10) && set.items.first?["member"] == .int(50) && set.items.first?["listener"] == .int(-1), "\(set.text)")
            // Every project whose quota was set: null where the default holds.
            let all = try await client.call("get_load_balancer_quotas", ["all_projects": true])
            #expect(all.items.compactMap { $0["project_id"]?.stringValue } == [demo.id], "\(all.text)")
            #expect(all.items.first?["l7policy"] == .int(20) && all.items.first?["pool"] == .null)
        }
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let own = try await harness.client().call("get_load_balancer_quotas", [:])
            #expect(own.items.first?["loadbalancer"] == .int(10), "\(own.text)")
            let admin = try #require(harness.cloud.data.project(named: DemoCloud.adminProject))
            let other = try await harness.client().call("get_load_balancer_quotas", ["project_id": .string(admin.id)])
            #expect(other.isError && other.text.contains("403"), "\(other.text)")
        }
    }
}
