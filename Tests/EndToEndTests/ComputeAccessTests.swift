import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// A member (non-admin) gets clear errors from the admin-only reads and answers from the rest.
@Suite(.serialized) struct ComputeAccessTests {
    @Test func adminOnlyToolsSayTheyNeedTheAdminRole() async throws {
        try await ServerHarness.run(
            user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject
        ) { harness in
            let client = harness.client()
            let calls: [(String, JSONValue)] = [
                ("get_hypervisors", [:]), ("get_hypervisor", ["id": "compute-1"]), ("get_aggregates", [:]),
                ("get_usage", ["all_projects": true]), ("get_resource_providers", [:]),
                ("get_server_groups", ["all_projects": true]),
            ]
            for (tool, arguments) in calls {
                let result = try await client.call(tool, arguments)
                #expect(result.isError, "\(tool) should fail for a member")
                #expect(result.text.contains("HTTP 403"), "\(tool): \(result.text)")
                #expect(result.text.contains("admin role"), "\(tool): \(result.text)")
                #expect(result.structured == .null, "a failure is never an empty list")
            }
        }
    }

    @Test func aMemberReadsItsOwnProject() async throws {
        try await ServerHarness.run(
            user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject
        ) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = data.project(named: DemoCloud.memberProject)!.id
            let demoUser = data.user(named: DemoCloud.memberUser)!.id

            let zones = try await client.call("get_availability_zones")
            #expect(zones.items.compactMap { $0["zone_name"]?.stringValue } == ["nova"], "\(zones.text)")
            #expect(zones.items.allSatisfy { $0["hosts"] == nil })
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-availability-zone") })

            let keypairs = try await client.call("get_keypairs")
            #expect(Set(keypairs.items.compactMap { $0["name"]?.stringValue })
                == Set(data.keypairs.filter { $0.userID == demoUser }.map(\.name)))

            let usage = try await client.call("get_usage")
            #expect(!usage.isError, "\(usage.text)")
            #expect(usage.items.compactMap { $0["project_id"]?.stringValue } == [demo])
            #expect(usage.items.first?["servers"]?.intValue == data.servers.filter { $0.projectID == demo && $0.launchedAt != nil }.count)

            let quotas = try await client.call("get_compute_quotas")
            #expect(quotas.items.first { $0["resource"]?.stringValue == "key_pairs" }?["in_use"]?.intValue
                == data.keypairs.filter { $0.userID == demoUser }.count)
            let other = try await client.call("get_compute_quotas", ["project_id": .string(data.project(named: DemoCloud.adminProject)!.id)])
            #expect(other.isError && other.text.contains("HTTP 403"))

            // Names are found in the member's own project (no all_tenants, which members may not send).
            let own = try #require(data.servers.first { server in
                server.projectID == demo && data.servers.filter { $0.name == server.name }.count == 1
            })
            let actions = try await client.call("get_instance_actions", ["server": .string(own.name), "detail_level": "detailed"])
            #expect(!actions.isError, "\(actions.text)")
            #expect(actions.items.count == data.instanceActions(serverID: own.id).count)
            let create = actions.items.first { $0["action"]?.stringValue == "create" }
            #expect(create?["events"]?.arrayValue?.isEmpty == false)
            #expect(create?["events"]?.arrayValue?.allSatisfy { $0["host"] == nil } == true, "hosts are for admins")
            let shown = try await client.call("get_instance", ["id": .string(own.name)])
            #expect(shown.structured["item"]?["id"]?.stringValue == own.id, "\(shown.text)")

            let foreign = try #require(data.servers.first { $0.projectID != demo })
            let hidden = try await client.call("get_instance_interfaces", ["server": .string(foreign.id)])
            #expect(hidden.isError && hidden.text.contains("HTTP 404"))
        }
    }
}
