import CloudSimulator
import Foundation
import OpenStackKit
import Testing

extension StorageImageIdentityTests {
    /// The block storage tools through MCP over HTTP, checked against the demo cloud's data.
    @Suite struct BlockStorageToolTests {
        static func ids(_ result: MCPTestClient.ToolResult) -> Set<String> {
            Set(result.items.compactMap { $0["id"]?.stringValue })
        }

        @Test func snapshotsMatchTheCloudWithVolumeNamesInOneLookup() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                _ = try await client.call("get_volumes", ["limit": 1])  // token and discovery
                harness.cloud.resetRequestLog()
                let all = try await client.call("get_snapshots", ["all_projects": true, "limit": 1000])
                #expect(!all.isError, "\(all.text)")
                #expect(Self.ids(all) == Set(data.blockStorage.snapshots.map(\.id)))
                for item in all.items {
                    let snapshot = try #require(data.blockStorage.snapshot(id: item["id"]?.stringValue ?? ""))
                    #expect(item["volume_id"]?.stringValue == snapshot.volumeID)
                    #expect(item["volume_name"]?.stringValue == data.volume(id: snapshot.volumeID)?.name)
                    #expect(item["status"]?.stringValue == snapshot.status && item["size"]?.intValue == snapshot.size)
                }
                // One snapshot page and one volume summary page: no request per snapshot.
                let volumeReads = harness.cloud.requests().filter { $0.path.hasPrefix("/volume/v3/") && $0.path.hasSuffix("/volumes") }
                #expect(volumeReads.count == 1, "\(volumeReads.map(\.query))")
                #expect(harness.cloud.requests().filter { $0.path.contains("/volumes/") }.isEmpty)

                let adminProject = try #require(data.project(named: DemoCloud.adminProject)).id
                let own = try await client.call("get_snapshots", ["limit": 1000])
                #expect(Self.ids(own) == Set(data.blockStorage.snapshots.filter { $0.projectID == adminProject }.map(\.id)))

                let target = try #require(data.blockStorage.snapshots.first)
                let ofVolume = try await client.call("get_snapshots", ["all_projects": true, "volume_id": .string(target.volumeID)])
                #expect(Self.ids(ofVolume) == Set(data.blockStorage.snapshots.filter { $0.volumeID == target.volumeID }.map(\.id)))
                let errors = try await client.call("get_snapshots", ["all_projects": true, "status": "error"])
                #expect(Self.ids(errors) == Set(data.blockStorage.snapshots.filter { $0.status == "error" }.map(\.id)))
                #expect(!errors.items.isEmpty)
            }
        }

        @Test func snapshotsPageWithLimitMarkerAndLinks() async throws {
            try await ServerHarness.run(servers: 120) { harness in
                let client = harness.client()
                let expected = harness.cloud.data.blockStorage.snapshots.map(\.id)
                #expect(expected.count > 7)
                harness.cloud.resetRequestLog()
                var seen: [String] = []
                var cursor: String?
                repeat {
                    var arguments: [String: JSONValue] = ["all_projects": true, "limit": 3, "detail_level": "basic"]
                    if let cursor { arguments["cursor"] = .string(cursor) }
                    let page = try await client.call("get_snapshots", .object(arguments))
                    #expect(page.items.count <= 3)
                    seen += page.items.compactMap { $0["id"]?.stringValue }
                    cursor = page.structured["next_cursor"]?.stringValue
                } while cursor != nil
                #expect(seen == expected)
                let pages = harness.cloud.requests().filter { $0.path.hasSuffix("/snapshots/detail") }
                #expect(pages.allSatisfy { $0.query.contains("limit=3") })
                #expect(pages.dropFirst().allSatisfy { $0.query.contains("marker=") })
            }
        }

        @Test func backupsShowVolumesAndFailures() async throws {
            try await ServerHarness.run(servers: 120) { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let all = try await client.call("get_backups", ["all_projects": true, "limit": 1000])
                #expect(Self.ids(all) == Set(data.blockStorage.backups.map(\.id)))
                for backup in data.blockStorage.backups {
                    let item = try #require(all.items.first { $0["id"]?.stringValue == backup.id })
                    #expect(item["volume_name"]?.stringValue == data.volume(id: backup.volumeID)?.name)
                    #expect(item["is_incremental"]?.boolValue == backup.isIncremental)
                    #expect(item["fail_reason"]?.stringValue == backup.failReason)
                    #expect(item["snapshot_id"]?.stringValue == backup.snapshotID)
                }
                let failed = try await client.call("get_backups", ["all_projects": true, "status": "error", "detail_level": "basic"])
                #expect(Self.ids(failed) == Set(data.blockStorage.backups.filter { $0.status == "error" }.map(\.id)))
                let paged = try await client.call("get_backups", ["all_projects": true, "limit": 2])
                #expect(paged.items.count == 2 && paged.structured["next_cursor"] != nil)
                let next = try await client.call("get_backups", ["all_projects": true, "limit": 2, "cursor": paged.structured["next_cursor"]!])
                #expect(next.items.first?["id"]?.stringValue == data.blockStorage.backups[2].id)
            }
        }

        @Test func volumeTypesAndPoolsMatchTheVolumes() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let types = try await client.call("get_volume_types", ["limit": 1000])
                // Public types by default (Cinder's is_public=true); gold-private only with visibility.
                #expect(Set(types.items.compactMap { $0["name"]?.stringValue }) == Set(data.blockStorage.volumeTypes.filter(\.isPublic).map(\.name)))
                let all = try await client.call("get_volume_types", ["limit": 1000, "visibility": "all"])
                #expect(Set(all.items.compactMap { $0["name"]?.stringValue }) == Set(data.blockStorage.volumeTypes.map(\.name)))
                let ceph = try #require(types.items.first { $0["name"]?.stringValue == "ceph-rbd" })
                #expect(ceph["backend"]?.stringValue == "ceph")

                let pools = try await client.call("get_volume_pools", ["limit": 1000])
                #expect(!pools.isError, "\(pools.text)")
                #expect(pools.items.count == data.blockStorage.pools.count)
                for pool in data.blockStorage.pools {
                    let item = try #require(pools.items.first { $0["name"]?.stringValue == pool.name })
                    let onPool = data.volumes.filter { $0.host == pool.name }
                    #expect(item["allocated_capacity_gb"]?.intValue == onPool.reduce(0) { $0 + $1.size })
                    #expect(item["total_volumes"]?.intValue == onPool.count)
                    #expect(item["free_capacity_gb"]?.intValue == pool.totalCapacityGB - pool.allocatedCapacityGB)
                    #expect(item["allocated_percent"]?.stringValue != nil)
                }
                let forType = try await client.call("get_volume_pools", ["volume_type": "ceph-rbd"])
                #expect(forType.items.compactMap { $0["backend"]?.stringValue } == ["ceph"])
            }
        }

        @Test func limitsAndQuotasCountWhatTheProjectHolds() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let admin = try #require(data.project(named: DemoCloud.adminProject)).id
                let demo = try #require(data.project(named: DemoCloud.memberProject)).id
                let used = data.volumeUsage(projectID: admin), limits = data.volumeQuotaLimits(projectID: admin)

                let limitsResult = try await client.call("get_volume_limits")
                #expect(!limitsResult.isError, "\(limitsResult.text)")
                let item = try #require(limitsResult.structured["item"])
                #expect(item["project_id"]?.stringValue == admin)
                for resource in ["volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes"] {
                    #expect(item["limits"]?[resource]?["in_use"]?.intValue == used[resource], "\(resource)")
                    #expect(item["limits"]?[resource]?["limit"]?.intValue == limits[resource], "\(resource)")
                }
                let full = try await client.call("get_volume_limits", ["detail_level": "full"])
                #expect(full.structured["item"]?["limits"]?["absolute"]?["totalVolumesUsed"]?.intValue == used["volumes"])

                let quotas = try await client.call("get_volume_quotas", ["project_id": .string(demo)])
                let demoUsed = data.volumeUsage(projectID: demo)
                let quotaItem = try #require(quotas.structured["item"])
                #expect(quotaItem["project_id"]?.stringValue == demo)
                for (resource, inUse) in demoUsed {
                    #expect(quotaItem["quotas"]?[resource]?["in_use"]?.intValue == inUse, "\(resource)")
                }
                #expect(quotaItem["quotas"]?["volumes_ceph-rbd"]?["unlimited"]?.boolValue == true)
                let basic = try await client.call("get_volume_quotas", ["detail_level": "basic"])
                #expect(basic.structured["item"]?["project_id"]?.stringValue == admin)
                #expect(basic.structured["item"]?["quotas"]?["volumes_luks"] == nil)
                #expect(basic.structured["item"]?["quotas"]?["volumes"]?["in_use"]?.intValue == used["volumes"])
            }
        }

        @Test func aMemberSeesOwnQuotasButNotAnotherProjectsNorPools() async throws {
            try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let demo = try #require(data.project(named: DemoCloud.memberProject)).id
                let own = try await client.call("get_volume_quotas")
                #expect(!own.isError, "\(own.text)")
                #expect(own.structured["item"]?["quotas"]?["volumes"]?["in_use"]?.intValue == data.volumeUsage(projectID: demo)["volumes"])
                let other = try await client.call("get_volume_quotas", ["project_id": .string(data.project(named: DemoCloud.adminProject)!.id)])
                #expect(other.isError && other.text.contains("HTTP 403") && other.text.contains("admin role"), "\(other.text)")
                let pools = try await client.call("get_volume_pools")
                #expect(pools.isError && pools.text.contains("HTTP 403"), "\(pools.text)")
                let snapshots = try await client.call("get_snapshots", ["limit": 1000])
                #expect(Self.ids(snapshots) == Set(data.blockStorage.snapshots.filter { $0.projectID == demo }.map(\.id)))
            }
        }
    }
}
