import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// `--identity caller`: two callers at once, each reading as themselves and seeing only what
/// their roles and project allow; nothing of one serves the other.
@Suite(.serialized) struct CallerIsolationTests {
    @Test(.timeLimit(.minutes(3))) func twoCallersAtOnceEachReadTheirOwnProject() async throws {
        try await CallerHarness.run { harness in
            let admin = harness.client(CallerHarness.adminCredential)
            let member = harness.client(try await harness.oauth(DemoCloud.memberUser))
            // Both callers, interleaved, several times each.
            async let adminRuns = Self.servers(of: admin, times: 3)
            async let memberRuns = Self.servers(of: member, times: 3)
            let (adminTenants, memberTenants) = try await (adminRuns, memberRuns)
            #expect(adminTenants.count == 1 && memberTenants.count == 1, "\(adminTenants) \(memberTenants)")
            #expect(adminTenants != memberTenants, "each caller reads their own project")

            // Upstream, every request that carried a token carried its caller's.
            // (The federated user's unscoped token lists its projects before it is scoped.)
            let requests = harness.server.cloud.requests().filter { $0.tokenUser != nil && $0.path != "/identity/v3/auth/projects" }
            let byUser = Dictionary(grouping: requests, by: { $0.tokenUser ?? "" })
            #expect(Set(byUser.keys) == [DemoCloud.adminUser, DemoCloud.memberUser], "\(byUser.keys)")
            #expect(byUser[DemoCloud.memberUser]?.allSatisfy { $0.tokenProject == DemoCloud.memberProject } == true)
            #expect(byUser[DemoCloud.adminUser]?.allSatisfy { $0.tokenProject == DemoCloud.adminProject } == true)
            #expect(requests.contains { $0.tokenUser == DemoCloud.memberUser && $0.path.hasPrefix("/compute/") })
            // The federated exchange happened once for the member, not once per call.
            #expect(harness.server.cloud.count(method: "POST", pathPrefix: "/identity/v3/OS-FEDERATION/") == 1)
        }
    }

    /// The distinct `tenant_id`s of the servers a caller lists, `times` times over.
    static func servers(of client: MCPTestClient, times: Int) async throws -> Set<String> {
        var tenants: Set<String> = []
        for _ in 0..<times {
            let result = try await client.call("get_instances", ["limit": 20, "detail_level": "full"])
            #expect(!result.isError, "\(result.text.prefix(300))")
            for item in result.structured["items"]?.arrayValue ?? [] {
                if let tenant = item["tenant_id"]?.stringValue { tenants.insert(tenant) }
            }
        }
        return tenants
    }

    @Test(.timeLimit(.minutes(3))) func adminOnlyToolsAreHiddenAndExplained() async throws {
        try await CallerHarness.run { harness in
            let admin = Set(try await harness.client(CallerHarness.adminCredential).listTools().compactMap { $0["name"]?.stringValue })
            let member = harness.client(try await harness.oauth(DemoCloud.memberUser))
            let memberTools = Set(try await member.listTools().compactMap { $0["name"]?.stringValue })
            let adminOnly = Set(ToolRegistry.catalog.filter(\.adminOnly).map(\.definition.name))
            #expect(Set(["get_hypervisors", "get_compute_services", "get_network_agents", "get_volume_services", "get_services"]).isSubset(of: adminOnly))
            #expect(adminOnly.isSubset(of: admin), "\(admin.sorted())")
            #expect(memberTools == admin.subtracting(adminOnly), "\(admin.subtracting(adminOnly).symmetricDifference(memberTools))")

            let refused = try await member.rpc("tools/call", ["name": "get_hypervisors", "arguments": [:]])
            let message = refused["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("needs the admin role") && message.contains("project demo"), "\(message)")

            let discover = try await member.modern("server/discover").message ?? [:]
            let instructions = discover["result"]?["instructions"]?.stringValue ?? ""
            #expect(instructions.contains("Keystone user demo in project demo"), "\(instructions.suffix(400))")
            #expect(instructions.contains("\(adminOnly.count) tools are hidden because they need the admin role"))
            #expect(discover["result"]?["cacheScope"]?.stringValue == "private")
            let initialize = try await member.initialize()
            #expect(initialize["result"]?["instructions"]?.stringValue?.contains("hidden because they need the admin role") == true)
        }
    }

    @Test(.timeLimit(.minutes(3))) func eachToolCallLogLineNamesItsPrincipalAndNoSecret() async throws {
        try await CallerHarness.run { harness in
            let memberHeaders = try await harness.oauth(DemoCloud.memberUser)
            _ = try await harness.client(CallerHarness.adminCredential).call("get_networks", ["limit": 2])
            _ = try await harness.client(memberHeaders).call("get_networks", ["limit": 2])
            let lines = harness.logs.entries.filter { $0.message == "tool call" }
            let principals = Set(lines.compactMap { $0.metadata["principal"] })
            #expect(principals == ["appcred:\(DemoCloud.applicationCredentialID)", "oauth:\(DemoCloud.memberUser)"], "\(principals)")
            #expect(lines.allSatisfy { $0.metadata["keystone_user"] != nil && $0.metadata["keystone_project"] != nil })
            let jwt = memberHeaders[0].1.replacingOccurrences(of: "Bearer ", with: "")
            let everything = harness.logs.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            #expect(!everything.contains(DemoCloud.applicationCredentialSecret) && !everything.contains(jwt))
        }
    }
}
