import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Roles, groups, application credentials and unified limits through MCP over HTTP, checked
/// against the demo cloud's Keystone.
@Suite struct IdentityReadsTests {
    static func ids(_ result: MCPTestClient.ToolResult) -> Set<String> {
        Set(result.items.compactMap { $0["id"]?.stringValue })
    }

    static func names(_ result: MCPTestClient.ToolResult) -> [String] {
        result.items.compactMap { $0["name"]?.stringValue }
    }

    @Test func rolesAndGroupsMatchKeystoneWithTheirFilters() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let roles = try await client.call("get_roles")
            #expect(!roles.isError, "\(roles.text)")
            #expect(Self.ids(roles) == Set(data.listedRoles.map(\.id)))
            #expect(Self.names(roles).contains("load-balancer_member") && data.listedRoles.count > 3)
            let admin = try #require(roles.items.first { $0["name"]?.stringValue == "admin" })
            #expect(admin["immutable"] == true && admin["domain_id"] == nil)
            let octavia = try #require(roles.items.first { $0["name"]?.stringValue == "load-balancer_member" })
            #expect(octavia["description"]?.stringValue?.hasPrefix("Octavia") == true && octavia["immutable"] == nil)
            let named = try await client.call("get_roles", ["name": "reader"])
            #expect(Self.names(named) == ["reader"])
            let inDomain = try await client.call("get_roles", ["domain_id": .string(DemoCloud.domainID)])
            #expect(!inDomain.isError && inDomain.items.isEmpty)
            #expect(inDomain.text.contains("0 roles match domain_id=default"), "\(inDomain.text)")

            let groups = try await client.call("get_groups")
            #expect(Self.ids(groups) == Set(data.groups.map(\.id)))
            let operators = try #require(groups.items.first { $0["name"]?.stringValue == "cloud-operators" })
            #expect(operators["domain_id"]?.stringValue == DemoCloud.domainID)
            #expect(operators["description"]?.stringValue == "People who run the cloud")
            let basic = try await client.call("get_groups", ["detail_level": "basic", "name": "auditors"])
            #expect(Self.names(basic) == ["auditors"] && basic.items.first?["description"] == nil)
            let elsewhere = try await client.call("get_groups", ["domain_id": "no-such-domain"])
            #expect(elsewhere.items.isEmpty && elsewhere.text.contains("0 groups match domain_id=no-such-domain"), "\(elsewhere.text)")
            // Keystone answers these lists whole: nothing asks it for a page.
            #expect(harness.cloud.requests().filter { $0.path.hasPrefix("/identity/v3/groups") }.allSatisfy { !$0.query.contains("limit=") })
        }
    }

    @Test func groupMembersByIDOrName() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let operators = try #require(data.groups.first { $0.name == "cloud-operators" })
            let byID = try await client.call("get_group_members", ["group": .string(operators.id)])
            #expect(!byID.isError, "\(byID.text)")
            #expect(Set(Self.names(byID)) == [DemoCloud.adminUser, DemoCloud.memberUser])
            #expect(byID.items.first { $0["name"]?.stringValue == DemoCloud.adminUser }?["email"]?.stringValue == "admin@example.org")
            let byName = try await client.call("get_group_members", ["group": "auditors"])
            #expect(Self.names(byName) == [DemoCloud.readerUser])
            #expect(!byName.text.contains(DemoCloud.readerPassword))
            let filtered = try await client.call("get_group_members", ["group": "cloud-operators", "filter": "ADM"])
            #expect(Self.names(filtered) == [DemoCloud.adminUser])

            let missing = try await client.call("get_group_members", ["group": "no-such-group"])
            #expect(missing.isError && missing.text.contains("no group has the ID or name 'no-such-group'"), "\(missing.text)")
            let none = try await client.call("get_group_members", [:])
            #expect(none.isError && none.text.contains("group"), "\(none.text)")
        }
    }

    @Test func aMemberIsRefusedGroupsAndRolesWithTheRoleKeystoneWants() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let operators = try #require(harness.cloud.data.groups.first).id
            for (tool, arguments, policy): (String, JSONValue, String) in [
                ("get_roles", [:], "identity:list_roles"), ("get_groups", [:], "identity:list_groups"),
                ("get_group_members", ["group": .string(operators)], "identity:get_group"),
                ("get_group_members", ["group": "auditors"], "identity:get_group"),
            ] {
                let result = try await client.call(tool, arguments)
                #expect(result.isError, "\(tool) should fail for a member")
                #expect(result.text.contains("403") && result.text.contains(policy), "\(tool): \(result.text)")
                #expect(result.text.contains("needs the admin role"), "\(tool): \(result.text)")
            }
        }
    }

    @Test func applicationCredentialsAreTheCallersOwnAndNeverTheSecret() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let admin = try #require(data.user(named: DemoCloud.adminUser))
            for level in ["basic", "detailed", "full"] {
                let result = try await client.call("get_application_credentials", ["detail_level": .string(level)])
                #expect(!result.isError, "\(result.text)")
                #expect(Self.ids(result) == Set(data.applicationCredentials.filter { $0.userID == admin.id }.map(\.id)))
                for secret in [DemoCloud.applicationCredentialSecret, DemoCanaries.memberApplicationCredentialSecret] {
                    #expect(!result.text.contains(secret) && !result.structured.compactText().contains(secret), "\(level)")
                }
                let credential = try #require(result.items.first)
                #expect(credential["name"]?.stringValue == "demo-admin-readonly")
                #expect(credential["project_id"]?.stringValue == data.project(named: DemoCloud.adminProject)?.id)
                if level == "detailed" {
                    #expect(credential["roles"] == ["admin"] && credential["unrestricted"] == false)
                    #expect(credential["access_rules"] == [])
                }
            }
            let reads = harness.cloud.requests().filter { $0.path.hasSuffix("/application_credentials") }
            #expect(!reads.isEmpty && reads.allSatisfy { $0.path == "/identity/v3/users/\(admin.id)/application_credentials" })
            let none = try await client.call("get_application_credentials", ["name": "no-such-credential"])
            #expect(!none.isError && none.items.isEmpty && none.text.contains("0 application credentials match"), "\(none.text)")
        }
    }

    @Test func aMemberSeesOnlyTheirOwnApplicationCredentials() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let result = try await client.call("get_application_credentials", ["detail_level": "detailed"])
            #expect(!result.isError, "\(result.text)")
            #expect(Self.ids(result) == [DemoCloud.memberApplicationCredentialID])
            let credential = try #require(result.items.first)
            #expect(credential["expires_at"]?.stringValue == "2027-01-15T12:00:00.000000")
            #expect(credential["access_rules"]?.arrayValue?.first?["path"]?.stringValue == "/v2.1/servers")
            #expect(!result.text.contains(DemoCanaries.memberApplicationCredentialSecret))
            // Keystone's policy itself: another user's credentials are refused.
            let admin = try #require(harness.cloud.data.user(named: DemoCloud.adminUser))
            do {
                _ = try await harness.openstack.get(.identity, path: "/users/\(admin.id)/application_credentials")
                Issue.record("a member read the admin's application credentials")
            } catch let error as OpenStackError {
                #expect(error.status == 403)
            }
        }
    }
}
