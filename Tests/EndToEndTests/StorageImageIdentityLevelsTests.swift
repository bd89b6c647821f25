import CloudSimulator
import Foundation
import OpenStackKit
import Testing

extension StorageImageIdentityTests {
    /// The block storage, image and identity tools at every detail level: basic < detailed < full.
    @Suite struct StorageImageIdentityLevelsTests {
        static let listTools: [(String, JSONValue)] = [
            ("get_snapshots", ["all_projects": true]), ("get_backups", ["all_projects": true]),
            ("get_volume_types", [:]), ("get_volume_pools", [:]), ("get_volume_attachments", ["all_projects": true]),
            ("get_projects", [:]), ("get_users", [:]), ("get_regions", [:]), ("get_endpoints", [:]),
            ("get_domains", [:]), ("get_role_assignments", [:]),
        ]

        @Test func everyListToolAnswersAtEveryDetailLevel() async throws {
            try await ServerHarness.run(servers: 120) { harness in
                let client = harness.client()
                for (tool, arguments) in Self.listTools {
                    var sizes: [String: Int] = [:]
                    for level in ["basic", "detailed", "full"] {
                        var call = arguments.objectValue ?? [:]
                        call["detail_level"] = .string(level)
                        call["limit"] = 1000
                        let result = try await client.call(tool, .object(call))
                        #expect(!result.isError, "\(tool) \(level): \(result.text)")
                        #expect(!result.items.isEmpty, "\(tool) \(level) returned nothing")
                        #expect(result.structured["count"]?.intValue == result.items.count)
                        #expect(result.structured["region"]?.stringValue == DemoCloud.region)
                        #expect(result.structured["truncated"] == .bool(false))
                        #expect(try JSONValue.parse(Data(result.text.utf8)) == result.structured)
                        sizes[level] = result.text.utf8.count
                    }
                    #expect(sizes["basic"]! < sizes["detailed"]!, "\(tool): detailed should add fields")
                    // get_regions' detailed adds the catalog's services, which the API object does not hold.
                    if tool != "get_regions" {
                        #expect(sizes["detailed"]! < sizes["full"]!, "\(tool): full should be the whole object")
                    }
                }
            }
        }

        @Test func showToolsAnswerAtEveryDetailLevel() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let calls: [(String, JSONValue)] = [
                    ("get_volume", ["id": .string(data.volumes[0].id)]), ("get_image", ["id": .string(data.images[0].id)]),
                    ("get_volume_limits", [:]), ("get_volume_quotas", [:]),
                ]
                for (tool, arguments) in calls {
                    var sizes: [String: Int] = [:]
                    for level in ["basic", "detailed", "full"] {
                        var call = arguments.objectValue ?? [:]
                        call["detail_level"] = .string(level)
                        let result = try await client.call(tool, .object(call))
                        #expect(!result.isError, "\(tool) \(level): \(result.text)")
                        #expect(result.structured["item"]?.objectValue != nil)
                        #expect(try JSONValue.parse(Data(result.text.utf8)) == result.structured)
                        sizes[level] = result.text.utf8.count
                    }
                    #expect(sizes["basic"]! < sizes["detailed"]!, "\(tool): detailed should add fields")
                    #expect(sizes["basic"]! < sizes["full"]!, "\(tool): full should be the whole object")
                }
                let bad = try await client.call("get_volume_quotas", ["detail_level": "everything"])
                #expect(bad.isError && bad.text.contains("detail_level"))
                let unknown = try await client.call("get_volume_limits", ["project": "x"])
                #expect(unknown.isError && unknown.text.contains("'project'"))
            }
        }
    }
}
