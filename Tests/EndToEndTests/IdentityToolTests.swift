import CloudSimulator
import Foundation
import OpenStackKit
import Testing

extension StorageImageIdentityTests {
    /// The Keystone tools through MCP over HTTP, checked against the demo cloud's directory.
    @Suite struct IdentityToolTests {
        static func ids(_ result: MCPTestClient.ToolResult) -> Set<String> {
            Set(result.items.compactMap { $0["id"]?.stringValue })
        }

        @Test func projectsUsersAndDomainsMatchTheDirectory() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let projects = try await client.call("get_projects")
                #expect(!projects.isError, "\(projects.text)")
                #expect(Self.ids(projects) == Set(data.projects.map(\.id)))
                let demo = try #require(projects.items.first { $0["name"]?.stringValue == DemoCloud.memberProject })
                #expect(demo["domain_id"]?.stringValue == DemoCloud.domainID && demo["enabled"]?.boolValue == true)

                let users = try await client.call("get_users", ["detail_level": "detailed"])
                #expect(Self.ids(users) == Set(data.users.map(\.id)))
                #expect(!users.text.lowercased().contains(DemoCloud.memberPassword))
                let admin = try #require(users.items.first { $0["name"]?.stringValue == DemoCloud.adminUser })
                #expect(admin["default_project_id"]?.stringValue == data.project(named: DemoCloud.adminProject)?.id)
                #expect(admin["email"]?.stringValue == "admin@example.org")

                let domains = try await client.call("get_domains")
                #expect(Self.ids(domains) == Set(data.domains.map(\.id)))
                let filtered = try await client.call("get_users", ["filter": "READER"])
                #expect(filtered.items.compactMap { $0["name"]?.stringValue } == [DemoCloud.readerUser])
            }
        }

        @Test func projectsPageWithKeystoneLimitAndMarker() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let expected = harness.cloud.data.projects.map(\.id)
                harness.cloud.resetRequestLog()
                var seen: [String] = []
                var cursor: String?
                repeat {
                    var arguments: [String: JSONValue] = ["limit": 1, "detail_level": "basic"]
                    if let cursor { arguments["cursor"] = .string(cursor) }
                    let page = try await client.call("get_projects", .object(arguments))
                    #expect(page.items.count <= 1, "\(page.text)")
                    seen += page.items.compactMap { $0["id"]?.stringValue }
                    cursor = page.structured["next_cursor"]?.stringValue
                } while cursor != nil
                #expect(seen == expected)
                let reads = harness.cloud.requests().filter { $0.path == "/identity/v3/projects" }
                #expect(reads.allSatisfy { $0.query.contains("limit=1") })
                #expect(reads.dropFirst().allSatisfy { $0.query.contains("marker=") })
            }
        }

        @Test func regionsAndEndpointsWithServiceNamesInOneLookup() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let regions = try await client.call("get_regions")
                #expect(Self.ids(regions) == [DemoCloud.region])
                let services = regions.items.first?["services"]?.arrayValue?.compactMap(\.stringValue) ?? []
                #expect(Set(services) == Set(data.identityServices.map(\.type)))

                harness.cloud.resetRequestLog()
                let endpoints = try await client.call("get_endpoints", ["limit": 1000])
                #expect(Self.ids(endpoints) == Set(data.endpoints.map(\.id)))
                for endpoint in data.endpoints {
                    let item = try #require(endpoints.items.first { $0["id"]?.stringValue == endpoint.id })
                    let service = try #require(data.identityServices.first { $0.id == endpoint.serviceID })
                    #expect(item["service_name"]?.stringValue == service.name && item["service_type"]?.stringValue == service.type)
                    #expect(item["interface"]?.stringValue == endpoint.interface)
                }
                #expect(harness.cloud.count(method: "GET", pathPrefix: "/identity/v3/services") == 1)
                let internalOnly = try await client.call("get_endpoints", ["interface": "internal"])
                #expect(Self.ids(internalOnly) == Set(data.endpoints.filter { $0.interface == "internal" }.map(\.id)))
            }
        }

        @Test func roleAssignmentsWithNamesAndFiltersByName() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let all = try await client.call("get_role_assignments")
                #expect(!all.isError, "\(all.text)")
                #expect(all.items.count == data.userRoleAssignments.count)
                let rows = Set(all.items.compactMap { item -> String? in
                    guard let user = item["user_id"]?.stringValue, let project = item["project_id"]?.stringValue,
                        let role = item["role"]?.stringValue else { return nil }
                    return "\(user)|\(project)|\(role)"
                })
                #expect(rows == Set(data.userRoleAssignments.map { "\($0.user.id)|\($0.project.id)|\($0.role.name)" }))
                #expect(all.items.contains { $0["user"]?.stringValue == "\(DemoCloud.memberUser)@\(DemoCloud.domainName)" })

                let ofDemo = try await client.call("get_role_assignments", ["user": .string(DemoCloud.memberUser)])
                #expect(ofDemo.items.count == 1, "\(ofDemo.text)")
                #expect(ofDemo.items.first?["role"]?.stringValue == "member")
                #expect(ofDemo.items.first?["project"]?.stringValue == "\(DemoCloud.memberProject)@\(DemoCloud.domainName)")

                let demoProject = try #require(data.project(named: DemoCloud.memberProject))
                let admins = try await client.call("get_role_assignments", ["project": .string(demoProject.id), "role": "admin"])
                #expect(admins.items.compactMap { $0["user_id"]?.stringValue } == [data.user(named: DemoCloud.adminUser)!.id])
                let ids = try await client.call("get_role_assignments", ["include_names": false, "detail_level": "basic"])
                #expect(ids.items.allSatisfy { $0["role"]?.stringValue?.count == 32 })
                let paged = try await client.call("get_role_assignments", ["limit": 2])
                let rest = try await client.call("get_role_assignments", ["cursor": paged.structured["next_cursor"] ?? .null])
                #expect(paged.items.count + rest.items.count == data.userRoleAssignments.count)
            }
        }

        @Test func aMemberIsToldWhichRoleKeystoneWants() async throws {
            try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
                let client = harness.client()
                for (tool, policy) in [
                    ("get_projects", "identity:list_projects"), ("get_users", "identity:list_users"),
                    ("get_domains", "identity:list_domains"), ("get_endpoints", "identity:list_endpoints"),
                    ("get_role_assignments", "identity:list_role_assignments"),
                ] {
                    let result = try await client.call(tool)
                    #expect(result.isError, "\(tool) should fail for a member")
                    #expect(result.text.contains("HTTP 403") && result.text.contains(policy), "\(tool): \(result.text)")
                    #expect(result.text.contains("needs the admin role") && result.text.contains("member"), "\(tool): \(result.text)")
                    #expect(result.text.contains("project \(DemoCloud.memberProject)"), "\(tool): \(result.text)")
                }
                // A name filter is looked up first; Keystone refuses that lookup, and the answer says so.
                let byName = try await client.call("get_role_assignments", ["user": .string(DemoCloud.memberUser)])
                #expect(byName.isError && byName.text.contains("Listing role assignments needs the admin role"), "\(byName.text)")
                #expect(byName.text.contains("(policy identity:list_users)"), "\(byName.text)")
                let regions = try await client.call("get_regions")
                #expect(!regions.isError && regions.items.count == 1, "\(regions.text)")
            }
        }
    }
}
