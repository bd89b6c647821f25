import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// `get_identity`: who the server is, from its cached token, in `default`.
@Suite struct GetIdentityTests {
    @Test func theAdminsIdentityFromTheCachedTokenWithTheRegionsServices() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            _ = try await client.call("get_instances", ["limit": 1])
            harness.cloud.resetRequestLog()
            let answer = try await client.call("get_identity")
            #expect(!answer.isError, "\(answer.text)")
            #expect(harness.cloud.requests().isEmpty, "the cached token answers: \(harness.cloud.requests())")
            let item = answer.structured["item"] ?? .null
            let token = try await harness.openstack.token()
            #expect(!answer.text.contains(token.id))
            #expect(item["user"]?["id"]?.stringValue == token.userID && item["project"]?["id"]?.stringValue == token.projectID)
            #expect(Set(item["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(token.roles))
            #expect(item["auth_methods"] == ["password"] && item["interface"] == "public")
            #expect(answer.structured["region"] == "RegionOne")
            let types = (item["services"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
            #expect(types == types.sorted() && Set(types) == Set(token.catalog.entries.map(\.type)), "\(types)")
            #expect(item["regions"]?.arrayValue?.contains("RegionTwo") == true)
            // RegionTwo has only some services: the others say so.
            let two = try await client.call("get_identity", ["region": "RegionTwo"])
            #expect(two.structured["region"] == "RegionTwo", "\(two.text)")
            let services = two.structured["item"]?["services"]?.arrayValue ?? []
            #expect(services.contains { $0["type"] == "compute" && $0["in_region"] == true })
            #expect(services.contains { $0["in_region"] == false }, "\(two.text)")
        }
    }

    @Test func aMembersRolesAndTheDefaultToolset() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let answer = try await harness.client().call("get_identity")
            let item = answer.structured["item"] ?? .null
            #expect(item["is_admin"] == false && item["roles"]?.arrayValue?.contains("admin") == false, "\(answer.text)")
            #expect(item["project"]?["name"]?.stringValue == DemoCloud.memberProject)
        }
        #expect(try ToolSelection().resolve(in: ToolRegistry.catalog).contains("get_identity"))
    }
}
