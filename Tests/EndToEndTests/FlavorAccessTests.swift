import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `get_flavor_access`: who may use a private flavor, as Nova's admin-only list says.
@Suite struct FlavorAccessTests {
    @Test func thePrivateFlavorsProjectsByNameOrIDAndClearRefusals() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let flavor = try #require(harness.cloud.data.flavors.first { !$0.isPublic && !$0.projectAccess.isEmpty }, "the demo has a private flavor")
            for key in [flavor.name, flavor.id] {
                let answer = try await client.call("get_flavor_access", ["flavor": .string(key)])
                #expect(!answer.isError, "\(answer.text)")
                #expect(Set(answer.items.compactMap { $0["project_id"]?.stringValue }) == Set(flavor.projectAccess), "\(answer.text)")
                #expect(answer.items.allSatisfy { $0["flavor_id"]?.stringValue == flavor.id })
                let names = Dictionary(uniqueKeysWithValues: harness.cloud.data.projects.map { ($0.id, $0.name) })
                #expect(answer.items.allSatisfy { $0["project_name"]?.stringValue == names[$0["project_id"]?.stringValue ?? ""] }, "\(answer.text)")
            }
            let publicFlavor = try #require(harness.cloud.data.flavors.first { $0.isPublic })
            let refused = try await client.call("get_flavor_access", ["flavor": .string(publicFlavor.id)])
            #expect(refused.isError && refused.text.contains("public flavors"), "\(refused.text)")
            let missing = try await client.call("get_flavor_access", ["flavor": "no-such-flavor"])
            #expect(missing.isError && missing.text.contains("no-such-flavor"), "\(missing.text)")
        }
    }

    @Test func aMemberIsToldItNeedsTheAdminRole() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            // Nova checks the policy before anything else: a flavor the member sees is refused too.
            let flavor = try #require(harness.cloud.data.flavors.first { $0.isPublic })
            let answer = try await harness.client().call("get_flavor_access", ["flavor": .string(flavor.id)])
            #expect(answer.isError && answer.text.contains("403"), "\(answer.text)")
        }
    }
}
