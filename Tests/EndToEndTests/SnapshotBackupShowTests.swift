import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `get_snapshot` and `get_backup`: one item by ID or name, with the same columns as its list.
@Suite struct SnapshotBackupShowTests {
    @Test func oneSnapshotAndOneBackupByIDAndByName() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            for (list, show) in [("get_snapshots", "get_snapshot"), ("get_backups", "get_backup")] {
                let listed = try await client.call(list, ["all_projects": true, "limit": 50])
                let first = try #require(listed.items.first { $0["name"]?.stringValue?.isEmpty == false }, "\(list): \(listed.text)")
                let byID = try await client.call(show, ["id": first["id"] ?? .null])
                #expect(!byID.isError, "\(show): \(byID.text)")
                let item = byID.structured["item"]
                for field in ["id", "name", "status", "size", "volume_id", "volume_name"] {
                    #expect(item?[field] == first[field], "\(show).\(field): \(byID.text)")
                }
                let byName = try await client.call(show, ["id": first["name"] ?? .null])
                #expect(byName.structured["item"]?["id"] == first["id"], "\(show) by name: \(byName.text)")
                let missing = try await client.call(show, ["id": .string("no-such-\(show)")])
                #expect(missing.isError && missing.text.contains("no-such-\(show)"), "\(missing.text)")
            }
        }
    }
}
