@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Issue 23's Glance reads over MCP against the demo cloud: a shared image's members, the tasks
/// (admin) and the stores, and what each says when Glance refuses or lacks the API.
@Suite struct ImageReadsTests {
    @Test func aSharedImagesMembersByNameOrIDWithProjectNames() async throws {
        try await ServerHarness.run { harness in
            let data = harness.cloud.data
            let image = try #require(data.images.first { $0.visibility == "shared" }, "the demo has a shared image")
            let expected = data.imageMembers.filter { $0.imageID == image.id }
            #expect(expected.count >= 2)
            let names = Dictionary(uniqueKeysWithValues: data.projects.map { ($0.id, $0.name) })
            for key in [image.name, image.id] {
                let answer = try await harness.client().call("get_image_members", ["image": .string(key)])
                #expect(!answer.isError, "\(answer.text)")
                let byMember = Dictionary(uniqueKeysWithValues: answer.items.map { ($0["member_id"]?.stringValue ?? "", $0) })
                #expect(Set(byMember.keys) == Set(expected.map(\.memberID)), "\(answer.text)")
                for member in expected {
                    #expect(byMember[member.memberID]?["status"]?.stringValue == member.status)
                    #expect(byMember[member.memberID]?["project_name"]?.stringValue == names[member.memberID])
                    #expect(byMember[member.memberID]?["image_id"]?.stringValue == image.id)
                }
            }
            // basic leaves out the names, so Keystone is not read for them.
            let basic = try await harness.client().call("get_image_members", ["image": .string(image.id), "detail_level": "basic"])
            #expect(basic.items.count == expected.count && basic.items.allSatisfy { $0["project_name"] == nil })
        }
    }

    @Test func aNonSharedImageSaysWhoMayUseItAndAMissingOneIsNamed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let privateImage = try #require(harness.cloud.data.images.first { $0.visibility == "private" })
            let refused = try await client.call("get_image_members", ["image": .string(privateImage.id)])
            #expect(refused.isError && refused.text.contains("is private") && refused.text.contains(privateImage.owner), "\(refused.text)")
            #expect(refused.text.contains("shared images only"), "\(refused.text)")
            let publicImage = try #require(harness.cloud.data.images.first { $0.visibility == "public" })
            let open = try await client.call("get_image_members", ["image": .string(publicImage.name)])
            #expect(open.isError && open.text.contains("every project"), "\(open.text)")
            let missing = try await client.call("get_image_members", ["image": "no-such-image"])
            #expect(missing.isError && missing.text.contains("no-such-image"), "\(missing.text)")
            // Nothing was asked of Glance's members API for images that have none.
            #expect(!harness.cloud.requests().contains { $0.path.hasSuffix("/members") })
        }
    }

    @Test func tasksNewestFirstWithWhyTheFailedOneFailed() async throws {
        try await ServerHarness.run { harness in
            let tasks = harness.cloud.data.imageTasks
            let answer = try await harness.client().call("get_image_tasks", [:])
            #expect(!answer.isError, "\(answer.text)")
            #expect(answer.items.compactMap { $0["id"]?.stringValue } == tasks.map(\.id), "\(answer.text)")
            let failed = try #require(tasks.first { $0.status == "failure" })
            let shown = try #require(answer.items.first { $0["id"]?.stringValue == failed.id })
            #expect(shown["message"]?.stringValue == failed.message && shown["image_id"]?.stringValue == failed.imageID)
            #expect(answer.items.filter { $0["message"] != nil }.count == 1, "only the failed task has a message")

            let onlyFailed = try await harness.client().call("get_image_tasks", ["status": "failure", "detail_level": "basic"])
            #expect(onlyFailed.items.compactMap { $0["id"]?.stringValue } == [failed.id] && onlyFailed.items[0]["message"] == nil)
            let paged = try await harness.client().call("get_image_tasks", ["limit": 2])
            let cursor = try #require(paged.structured["next_cursor"]?.stringValue)
            let rest = try await harness.client().call("get_image_tasks", ["limit": 2, "cursor": .string(cursor)])
            #expect((paged.items + rest.items).compactMap { $0["id"]?.stringValue } == tasks.map(\.id))
        }
    }

    @Test func aMemberIsToldTasksNeedTheAdminRole() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let answer = try await harness.client().call("get_image_tasks", [:])
            #expect(answer.isError && answer.text.contains("403") && answer.text.contains("admin"), "\(answer.text)")
            // The member of a shared image sees its members too.
            let image = try #require(harness.cloud.data.images.first { $0.visibility == "shared" })
            let members = try await harness.client().call("get_image_members", ["image": .string(image.id)])
            #expect(!members.isError && members.items.count == harness.cloud.data.imageMembers.filter { $0.imageID == image.id }.count)
        }
    }

    @Test func storesWhereSeveralAreEnabledAndWordsWhereOneIs() async throws {
        try await ServerHarness.run { harness in
            let answer = try await harness.client().call("get_image_stores", [:])
            #expect(answer.items.compactMap { $0["id"]?.stringValue } == GlanceAPI.stores.map(\.id), "\(answer.text)")
            #expect(answer.items.filter { $0["default"] == .bool(true) }.compactMap { $0["id"]?.stringValue } == ["ceph"])
            #expect(answer.items.first { $0["id"] == "web" }?["read_only"] == .bool(true))
            // Glance without enabled_backends answers 404 "Multi backend is not supported at this site".
            harness.cloud.setFault(.status(404), forPathPrefix: "/image/v2/info/stores")
            let single = try await harness.client().call("get_image_stores", [:])
            #expect(single.isError && single.text.contains("single store") && single.text.contains("enabled_backends"), "\(single.text)")
        }
    }
}
