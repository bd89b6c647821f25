import CloudSimulator
import Foundation
import OpenStackKit
import Testing

extension StorageImageIdentityTests {
    /// get_volume, get_image and get_volume_attachments through MCP, checked against the demo cloud.
    @Suite struct StorageShowAndAttachmentTests {
        @Test func attachmentsLinkVolumesAndServersByName() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                _ = try await client.call("get_volumes", ["limit": 1])
                harness.cloud.resetRequestLog()
                let all = try await client.call("get_volume_attachments", ["all_projects": true, "limit": 1000])
                #expect(!all.isError, "\(all.text)")
                #expect(Set(all.items.compactMap { $0["id"]?.stringValue }) == Set(data.volumeAttachments.map(\.attachment.id)))
                for (volume, attachment) in data.volumeAttachments {
                    let item = try #require(all.items.first { $0["id"]?.stringValue == attachment.id })
                    #expect(item["volume_id"]?.stringValue == volume.id && item["volume_name"]?.stringValue == volume.name)
                    #expect(item["server_id"]?.stringValue == attachment.serverID)
                    #expect(item["server_name"]?.stringValue == data.server(id: attachment.serverID)?.name)
                    #expect(item["status"]?.stringValue == "attached" && item["attach_mode"]?.stringValue == "rw")
                }
                // Names come from one summary read per service, not one request per attachment.
                #expect(harness.cloud.count(method: "GET", pathPrefix: "/compute/v2.1/servers") == 1)
                #expect(harness.cloud.requests().filter { $0.path.hasPrefix("/volume/v3/") && $0.path.hasSuffix("/volumes") }.count == 1)

                let server = try #require(data.servers.first { $0.volumesAttached.count > 1 })
                let ofServer = try await client.call("get_volume_attachments", ["all_projects": true, "server_id": .string(server.id)])
                #expect(Set(ofServer.items.compactMap { $0["volume_id"]?.stringValue }) == Set(server.volumesAttached.map(\.volumeID)))

                // full shows connection_info, with the CHAP credentials masked.
                let full = try await client.call("get_volume_attachments", ["all_projects": true, "detail_level": "full", "limit": 1000])
                #expect(full.items.contains { $0["connection_info"]?["data"]?["auth_password"]?.stringValue == "***" })
                #expect(!full.text.contains("\"auth_password\":\"0") && full.text.contains("target_iqn"))
                for item in full.items {
                    let data = item["connection_info"]?["data"]
                    #expect(data?["auth_password"] == nil || data?["auth_password"]?.stringValue == "***")
                    #expect(data?["auth_username"]?.stringValue == "***")
                }
            }
        }

        @Test func attachmentsPageWithoutLinks() async throws {
            try await ServerHarness.run(servers: 120) { harness in
                let client = harness.client()
                let expected = harness.cloud.data.volumeAttachments.map(\.attachment.id)
                harness.cloud.resetRequestLog()
                var seen: [String] = []
                var cursor: String?
                repeat {
                    var arguments: [String: JSONValue] = ["all_projects": true, "limit": 25, "detail_level": "basic"]
                    if let cursor { arguments["cursor"] = .string(cursor) }
                    let page = try await client.call("get_volume_attachments", .object(arguments))
                    #expect(!page.isError, "\(page.text)")
                    seen += page.items.compactMap { $0["id"]?.stringValue }
                    cursor = page.structured["next_cursor"]?.stringValue
                } while cursor != nil
                #expect(seen == expected)
                let pages = harness.cloud.requests().filter { $0.path.hasSuffix("/attachments/detail") }
                #expect(pages.allSatisfy { $0.query.contains("limit=25") })
                #expect(pages.count <= expected.count / 25 + 2)
            }
        }

        /// The demo Cinder serves attachments from 3.27 on, as Cinder does, and its other lists
        /// link their next page under the keys PROTOCOL-NOTES names.
        @Test func theDemoCinderFollowsMicroversionsAndLinkKeys() async throws {
            try await ServerHarness.run { harness in
                let cloud = harness.openstack
                let base = try await cloud.endpoint(.blockStorage).baseURL
                let token = try await cloud.token().id
                func get(_ path: String, _ version: String) async throws -> RawResponse {
                    try await cloud.http.send(
                        OutgoingRequest(url: base + path, headers: [("X-Auth-Token", token), ("OpenStack-API-Version", "volume \(version)")]),
                        service: "cinder")
                }
                #expect(try await get("/attachments", "3.26").status == 404)
                #expect(try await get("/attachments", "3.27").status == 200)
                let types = try JSONValue.parse(Data(try await get("/types?is_public=None&limit=1", "3.71").body))
                #expect(types["volume_type_links"]?.arrayValue?.first?["rel"]?.stringValue == "next")
                let backups = try JSONValue.parse(Data(try await get("/backups?all_tenants=1&limit=1", "3.71").body))
                #expect(backups["backups_links"]?.arrayValue?.first?["rel"]?.stringValue == "next")
                #expect(try await get("/snapshots?all_tenants=1", "3.71").status == 200)
            }
        }

        @Test func getVolumeByIDAndByNameWithServerNames() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let volume = try #require(data.volumes.first { !$0.attachments.isEmpty && $0.imageID != nil })
                let byID = try await client.call("get_volume", ["id": .string(volume.id)])
                #expect(!byID.isError, "\(byID.text)")
                let item = try #require(byID.structured["item"])
                #expect(item["name"]?.stringValue == volume.name && item["volume_type"]?.stringValue == volume.volumeType)
                #expect(item["bootable"]?.boolValue == volume.bootable && item["host"]?.stringValue == volume.host)
                let server = try #require(data.server(id: volume.attachments[0].serverID))
                #expect(item["attached_to"]?.arrayValue?.first?["server_name"]?.stringValue == server.name)
                #expect(item["image"]?["name"]?.stringValue == data.image(id: volume.imageID!)?.name)

                let unique = try #require(data.volumes.first { candidate in
                    data.volumes.filter { $0.name == candidate.name }.count == 1 && candidate.projectID != data.project(named: DemoCloud.adminProject)!.id
                })
                let byName = try await client.call("get_volume", ["id": .string(unique.name), "detail_level": "basic"])
                #expect(byName.structured["item"]?["id"]?.stringValue == unique.id, "\(byName.text)")
                let missing = try await client.call("get_volume", ["id": "no-such-volume"])
                #expect(missing.isError && missing.text.contains("no volume has the ID or name 'no-such-volume'"), "\(missing.text)")
            }
        }

        @Test func aMemberFindsVolumesByNameInTheirOwnProject() async throws {
            try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
                let data = harness.cloud.data
                let demo = try #require(data.project(named: DemoCloud.memberProject)).id
                let own = try #require(data.volumes.first { volume in
                    volume.projectID == demo && data.volumes.filter { $0.name == volume.name }.count == 1
                })
                let result = try await harness.client().call("get_volume", ["id": .string(own.name)])
                #expect(result.structured["item"]?["id"]?.stringValue == own.id, "\(result.text)")
                #expect(!harness.cloud.requests().contains { $0.path.hasSuffix("/volumes/detail") && $0.query.contains("all_tenants") })
            }
        }

        @Test func getImageByIDAndNameAndFullShowsEveryCustomProperty() async throws {
            try await ServerHarness.run { harness in
                let client = harness.client()
                let data = harness.cloud.data
                let image = try #require(data.images.first { $0.properties.count >= 2 && $0.visibility == "public" })
                let full = try await client.call("get_image", ["id": .string(image.id), "detail_level": "full"])
                #expect(!full.isError, "\(full.text)")
                let item = try #require(full.structured["item"])
                for (key, value) in image.properties { #expect(item[key]?.stringValue == value, "\(key)") }
                let detailed = try await client.call("get_image", ["id": .string(image.id)])
                // The demo adds source_url to every image: a URL with a canary password in it.
                #expect(detailed.structured["item"]?["custom_property_names"]?.arrayValue?.count == image.properties.count + 1)
                #expect(item["source_url"]?.stringValue?.hasPrefix("https://***@images.example.com/") == true, "\(item)")
                #expect(detailed.structured["item"]?["checksum"]?.stringValue == image.checksum)

                let unique = try #require(data.images.first { candidate in
                    !candidate.osHidden && data.images.filter { $0.name == candidate.name }.count == 1
                })
                let byName = try await client.call("get_image", ["id": .string(unique.name), "detail_level": "basic"])
                #expect(byName.structured["item"]?["id"]?.stringValue == unique.id, "\(byName.text)")
                #expect(Set(byName.structured["item"]?.objectValue?.keys.map { $0 } ?? []) == ["id", "name", "status"])
                let missing = try await client.call("get_image", ["id": "no-such-image"])
                #expect(missing.isError && missing.text.contains("no image has the ID or name"), "\(missing.text)")
            }
        }
    }
}
