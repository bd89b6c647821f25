@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Heat, Octavia and Swift tools through MCP over HTTP, against the demo cloud's data.
@Suite(.serialized) struct ExtraServiceToolTests {
    static func names(_ result: MCPTestClient.ToolResult, _ key: String = "stack_name") -> [String] {
        result.items.compactMap { $0[key]?.stringValue }
    }

    /// The first item whose `key` is `value`. A plain function: inline in the long async test below,
    /// the same `first(where:)` came back nil on its first evaluation and right on its second
    /// (Swift 6.3.1, debug), so the lookup lives outside that frame.
    static func item(_ result: MCPTestClient.ToolResult, _ key: String, _ value: String) -> JSONValue? {
        result.items.first { $0[key]?.stringValue == value }
    }

    @Test func stacksListShowAndExplainWhyTheyFailed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let all = try await client.call("get_stacks", ["all_projects": true])
            #expect(Self.names(all) == ["app-tier", "db-tier", "web-tier"], "newest first, nested hidden: \(all.text)")
            #expect(all.items.allSatisfy { $0["project_id"]?.stringValue?.isEmpty == false }, "Heat names the project to an admin")
            // Real Heat does not scope an admin's plain list to the admin's project (nor does `openstack stack list`).
            let own = try await client.call("get_stacks")
            #expect(Self.names(own) == Self.names(all), "\(own.text)")
            let failed = try await client.call("get_stacks", ["all_projects": true, "status": "failed"])
            #expect(Self.names(failed) == ["app-tier", "db-tier"])
            #expect(failed.items.allSatisfy { $0["stack_status_reason"]?.stringValue?.contains("Resource CREATE failed") == true })
            let nested = try await client.call("get_stacks", ["all_projects": true, "show_nested": true])
            #expect(nested.items.count == 5)
            let bad = try await client.call("get_stacks", ["status": "BROKEN"])
            #expect(bad.isError && bad.text.contains("COMPLETE"), "\(bad.text)")

            let web = try await client.call("get_stack", ["id": "web-tier"])
            #expect(!web.isError, "\(web.text)")
            let item = web.structured["item"]
            let data = harness.cloud.data
            let ips = data.extras.stacks.first { $0.name == "web-tier" }?.outputs.first?.value
            let output = item?["outputs"]?.arrayValue?.first { $0["output_key"] == "web_ips" }
            #expect(output?["output_value"]?.arrayValue?.count == 3 && ips != nil, "\(web.text)")
            // Heat masks hidden parameters; a secret-looking name is redacted by this server too.
            #expect(item?["parameters"]?["admin_password"]?.stringValue == "***")
            #expect(item?["parameters"]?["flavor"]?.stringValue == "m1.small")

            let resources = try await client.call("get_stack_resources", ["stack": "db-tier"])
            #expect(resources.items.first?["resource_name"]?.stringValue == "db_volume", "failed first: \(resources.text)")
            #expect(resources.items.first?["resource_status_reason"]?.stringValue?.contains("Went to status error") == true)
            let deep = try await client.call("get_stack_resources", ["stack": "app-tier", "detail_level": "detailed"])
            let groupMember = Self.item(deep, "resource_name", "0")
            #expect(groupMember?["parent_resource"]?.stringValue == "app_group", "\(deep.text)")
            #expect(groupMember?["stack_name"]?.stringValue?.hasPrefix("app-tier-app_group-") == true)
            let shallow = try await client.call("get_stack_resources", ["stack": "app-tier", "nested_depth": 0])
            #expect(Self.names(shallow, "resource_name") == ["app_group"])

            let events = try await client.call("get_stack_events", ["stack": "db-tier"])
            let times = events.items.compactMap { $0["event_time"]?.stringValue }
            #expect(times.count > 3 && times == times.sorted(by: >), "newest first: \(times)")

            let why = try await client.call("describe_stack", ["id": "app-tier"])
            let causes = why.structured["item"]?["root_causes"]?.arrayValue ?? []
            #expect(causes.count == 1 && causes.first?["resource_name"] == "0", "the group only repeats its member: \(why.text)")
            let summary = why.structured["item"]?["summary"]?.stringValue ?? ""
            #expect(summary.contains("No valid host") && summary.contains("nested stack app-tier-app_group-"), "\(summary)")
            // The failed server resource carries diagnose_instance's top finding for that server.
            let diagnosis = causes.first?["instance_diagnosis"]
            #expect(diagnosis?["code"]?.stringValue?.isEmpty == false, "\(why.text)")
            #expect(diagnosis?["next_step"]?.stringValue?.contains("openstack") == true, "\(why.text)")
            let healthy = try await client.call("describe_stack", ["id": "web-tier"])
            #expect(healthy.structured["item"]?["summary"]?.stringValue == "Stack web-tier is CREATE_COMPLETE.")
            let missing = try await client.call("get_stack", ["id": "no-such-stack"])
            #expect(missing.isError && missing.text.contains("no stack has the ID or name 'no-such-stack'"))
        }
    }

    @Test func aMemberSeesTheirProjectsStacksButNotEveryProject() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let own = try await client.call("get_stacks")
            #expect(Self.names(own) == ["app-tier", "db-tier", "web-tier"], "\(own.text)")
            #expect(own.items.allSatisfy { $0["project_id"]?.stringValue == nil }, "Heat names no project to a member")
            let all = try await client.call("get_stacks", ["all_projects": true])
            #expect(all.isError && all.text.contains("403"), "\(all.text)")
            let why = try await client.call("describe_stack", ["id": "db-tier"])
            #expect(why.structured["item"]?["root_causes"]?.arrayValue?.first?["resource_name"] == "db_volume", "\(why.text)")
        }
    }

    @Test func loadBalancersAsATreeWithTheMembersThatAreDown() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let balancers = try await client.call("get_load_balancers")
            let status = Dictionary(uniqueKeysWithValues: balancers.items.compactMap { item in
                item["name"]?.stringValue.map { ($0, item["operating_status"]?.stringValue ?? "") }
            })
            // diag-lb is the seeded failure of diagnose_load_balancer: its one member points at nothing.
            #expect(status == ["web-lb": "DEGRADED", "api-lb": "ONLINE", "diag-lb": "DEGRADED"], "\(balancers.text)")
            let degraded = try await client.call("get_load_balancers", ["operating_status": "degraded"])
            #expect(Set(Self.names(degraded, "name")) == ["web-lb", "diag-lb"])

            let tree = try await client.call("get_load_balancer", ["id": "web-lb"])
            let item = try #require(tree.structured["item"], "\(tree.text)")
            #expect(item["members_total"] == 3 && item["members_down"] == 1, "\(tree.text)")
            let listener = item["listeners"]?.arrayValue?.first
            let pool = listener?["pools"]?.arrayValue?.first
            #expect(listener?["protocol_port"] == 80 && pool?["name"] == "web-pool")
            #expect(pool?["health_monitor"]?["url_path"] == "/healthz")
            // The members are the web servers, by their fixed IPs.
            let data = harness.cloud.data
            let addresses = Set((pool?["members"]?.arrayValue ?? []).compactMap { $0["address"]?.stringValue })
            let serverIPs = Set(data.neutron.ports.filter { port in
                (pool?["members"]?.arrayValue ?? []).contains { $0["name"]?.stringValue == data.server(id: port.deviceID)?.name }
            }.compactMap { $0.fixedIPs.first?.ipAddress })
            #expect(addresses.count == 3 && addresses == serverIPs, "\(addresses) \(serverIPs)")

            let members = try await client.call("get_pool_members", ["pool": "web-pool"])
            #expect(members.items.filter { $0["down"] == true }.count == 1, "\(members.text)")
            let errors = try await client.call("get_pool_members", ["pool": "web-pool", "operating_status": "ERROR"])
            #expect(errors.items.count == 1)
            let pools = try await client.call("get_pools", ["detail_level": "detailed"])
            #expect(Set(Self.names(pools, "name")) == ["web-pool", "api-pool", "diag-pool"] && pools.items.allSatisfy { $0["members"] != nil })
            let listeners = try await client.call("get_listeners", ["protocol": "tcp"])
            #expect(Self.names(listeners, "name") == ["api-tls"])
            let monitors = try await client.call("get_health_monitors", ["detail_level": "detailed"])
            #expect(monitors.items.count == 3 && monitors.items.contains { $0["url_path"] == "/healthz" })
            let amphorae = try await client.call("get_amphorae")
            #expect(amphorae.items.count == 3 && amphorae.items.allSatisfy { $0["status"] == "ALLOCATED" }, "\(amphorae.text)")
        }
    }

    @Test func amphoraeAreForAdmins() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let amphorae = try await harness.client().call("get_amphorae")
            #expect(amphorae.isError && amphorae.text.contains("403"), "\(amphorae.text)")
            let balancers = try await harness.client().call("get_load_balancers")
            #expect(balancers.items.count == 3, "the member's own project holds all three")
        }
    }

    @Test func swiftListsAndHeadsWithoutReadingContent() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            harness.cloud.resetRequestLog()
            let account = try await client.call("get_object_store_account")
            let totals = try #require(account.structured["item"], "\(account.text)")
            #expect(totals["containers"] == 2 && totals["objects"] == 11 && totals["quota_bytes"] == 1_073_741_824, "\(account.text)")
            #expect(totals["quota_percent_used"]?.doubleValue == 17.0, "\(account.text)")

            let containers = try await client.call("get_containers")
            #expect(Self.names(containers, "name") == ["backups", "logs"], "\(containers.text)")
            #expect(containers.items.first?["objects"] == 5)
            let byPrefix = try await client.call("get_objects", ["container": "backups", "prefix": "db/"])
            #expect(Self.names(byPrefix, "name") == ["db/2026-11-01.sql", "db/2026-11-02.sql", "db/2026-11-03.sql"])
            let folders = try await client.call("get_objects", ["container": "backups", "delimiter": "/"])
            #expect(folders.items == [["name": "db/", "subdir": true], ["name": "web/", "subdir": true]], "\(folders.text)")

            var seen: [String] = []
            var cursor: String?
            repeat {
                var arguments: [String: JSONValue] = ["container": "logs", "limit": 4, "detail_level": "basic"]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_objects", .object(arguments))
                seen += Self.names(page, "name")
                cursor = page.structured["next_cursor"]?.stringValue
            } while cursor != nil
            #expect(seen.count == 6 && seen == seen.sorted(), "\(seen)")

            let object = try await client.call("get_object", ["container": "backups", "object": "db/2026-11-01.sql"])
            let meta = try #require(object.structured["item"], "\(object.text)")
            #expect(meta["bytes"] == 52_428_800 && meta["content_type"] == "application/sql", "\(object.text)")
            #expect(meta["metadata"]?["source"] == "db-tier" && meta["etag"]?.stringValue?.count == 32)
            let missing = try await client.call("get_objects", ["container": "nope"])
            #expect(missing.isError && missing.text.contains("no container is named 'nope'"), "\(missing.text)")
            let gone = try await client.call("get_object", ["container": "backups", "object": "db/none.sql"])
            #expect(gone.isError && gone.text.contains("404"), "\(gone.text)")

            // Never a GET of an object: its metadata comes from a HEAD.
            let objectReads = harness.cloud.requests().filter { $0.path.contains("/backups/") }
            #expect(!objectReads.isEmpty && objectReads.allSatisfy { $0.method == "HEAD" }, "\(objectReads)")
        }
    }

    @Test func aMemberReadsOnlyTheirOwnAccount() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let containers = try await harness.client().call("get_containers")
            #expect(Self.names(containers, "name") == ["assets", "empty"], "\(containers.text)")
            let empty = try await harness.client().call("get_objects", ["container": "empty"])
            #expect(!empty.isError && empty.items.isEmpty, "Swift's 204 is an empty list: \(empty.text)")
        }
    }
}
