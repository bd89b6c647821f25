import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Keystone's unified limits through MCP over HTTP: the registered defaults, the projects' own
/// limits with Keystone's filters and scope, and what an empty answer says.
@Suite struct UnifiedLimitsTests {
    @Test func registeredLimitsWithServiceTypesAndFilters() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let compute = try #require(data.identityServices.first { $0.type == "compute" })
            let all = try await client.call("get_registered_limits")
            #expect(!all.isError, "\(all.text)")
            #expect(Set(all.items.compactMap { $0["id"]?.stringValue }) == Set(data.registeredLimits.map(\.id)))
            let cores = try #require(all.items.first { $0["resource_name"]?.stringValue == "cores" })
            #expect(cores["default_limit"] == 20 && cores["service_id"]?.stringValue == compute.id)
            #expect(cores["service"]?.stringValue == "compute" && cores["region_id"]?.stringValue == DemoCloud.region)
            let ofCompute = try await client.call("get_registered_limits", ["service_id": .string(compute.id)])
            #expect(Set(ofCompute.items.compactMap { $0["resource_name"]?.stringValue }) == ["cores", "instances"])
            let none = try await client.call("get_registered_limits", ["resource_name": "gigabytes"])
            #expect(!none.isError && none.items.isEmpty)
            #expect(none.text.contains("0 registered limits match resource_name=gigabytes") && none.text.contains("no unified limits"), "\(none.text)")
        }
    }

    @Test func projectLimitsForAnAdminWithFilters() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject)).id
            let all = try await client.call("get_limits", ["detail_level": "detailed"])
            #expect(!all.isError, "\(all.text)")
            #expect(Set(all.items.compactMap { $0["id"]?.stringValue }) == Set(data.projectLimits.map(\.id)))
            let cores = try #require(all.items.first { $0["resource_name"]?.stringValue == "cores" })
            #expect(cores["resource_limit"] == 40 && cores["project_id"]?.stringValue == demo)
            #expect(cores["description"]?.stringValue == "Cores for the demo team" && cores["service"]?.stringValue == "compute")
            let ofDemo = try await client.call("get_limits", ["project_id": .string(demo)])
            #expect(Set(ofDemo.items.compactMap { $0["resource_name"]?.stringValue }) == ["cores", "volumes"])
            let inRegion = try await client.call("get_limits", ["region_id": .string(DemoCloud.region), "resource_name": "volumes"])
            #expect(inRegion.items.count == 1 && inRegion.items.first?["resource_limit"] == 20)
            let query = harness.cloud.requests().last { $0.path == "/identity/v3/limits" }?.query ?? ""
            #expect(query.contains("region_id=\(DemoCloud.region)") && query.contains("resource_name=volumes"), "\(query)")
            let none = try await client.call("get_limits", ["resource_name": "gigabytes"])
            #expect(none.items.isEmpty && none.text.contains("get_compute_quotas"), "\(none.text)")
        }
    }

    @Test func aMemberSeesOnlyTheirProjectsLimits() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject)).id
            let limits = try await client.call("get_limits")
            #expect(!limits.isError, "\(limits.text)")
            #expect(!limits.items.isEmpty && limits.items.allSatisfy { $0["project_id"]?.stringValue == demo })
            let alt = try #require(data.project(named: DemoCloud.altProject)).id
            let ofAlt = try await client.call("get_limits", ["project_id": .string(alt)])
            #expect(!ofAlt.isError && ofAlt.items.isEmpty, "\(ofAlt.text)")
            let registered = try await client.call("get_registered_limits")
            #expect(registered.items.count == data.registeredLimits.count, "\(registered.text)")
        }
    }
}
