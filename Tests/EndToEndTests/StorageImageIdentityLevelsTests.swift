import CloudSimulator
import Foundation
import OpenStackKit
import Testing

extension StorageImageIdentityTests {
    /// The block storage tools refuse a bad level or argument by name (DetailLevelTests covers the
    /// levels of every tool).
    @Suite struct StorageImageIdentityLevelsTests {
        @Test func aBadLevelOrArgumentIsRefusedByName() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let bad = try await client.call("get_volume_quotas", ["detail_level": "everything"])
                #expect(bad.isError && bad.text.contains("detail_level"))
                let unknown = try await client.call("get_volume_limits", ["project": "x"])
                #expect(unknown.isError && unknown.text.contains("'project'"))
            }
        }
    }
}
