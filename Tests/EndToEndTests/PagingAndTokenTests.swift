import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Upstream efficiency: token reuse, re-auth after revocation, paging that stops early, cursors.
@Suite struct PagingAndTokenTests {
    static let tokenPath = "/identity/v3/auth/tokens"
    static let serversPath = "/compute/v2.1/servers/detail"

    @Test func twentyCallsUseOneTokenAndARevokedTokenIsReplacedOnce() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            harness.cloud.resetRequestLog()
            for index in 0..<20 {
                let tool = ["get_instances", "get_networks", "get_volumes", "get_images"][index % 4]
                let result = try await client.call(tool, ["limit": 5])
                #expect(!result.isError, "\(tool): \(result.text)")
            }
            #expect(harness.cloud.count(method: "POST", pathPrefix: Self.tokenPath) == 1)

            harness.cloud.revokeAllTokens()
            async let first = client.call("get_instances", ["limit": 3])
            async let second = harness.client().call("get_networks", ["limit": 3])
            let (a, b) = try await (first, second)
            #expect(!a.isError && !b.isError, "\(a.text) \(b.text)")
            #expect(harness.cloud.count(method: "POST", pathPrefix: Self.tokenPath) == 2, "exactly one re-auth")
        }
    }

    @Test func aSmallAnswerReadsOneSmallPage() async throws {
        try await ServerHarness.run(servers: 2000) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            _ = try await client.call("get_images", ["limit": 1])  // warm the token and discovery
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instances", ["all_projects": true, "limit": 5])
            #expect(result.items.count == 5)
            #expect(result.structured["next_cursor"]?.stringValue != nil)
            let pages = harness.cloud.requests().filter { $0.path == Self.serversPath }
            #expect(pages.count == 1)
            #expect(pages.first?.query.contains("limit=5") == true)
        }
    }

    @Test func aFilteredAnswerStopsAtTheLastPageItNeeds() async throws {
        // Pages of 1000 servers on a loaded 2-core machine need more than the harness's 4 s default.
        let roomy = HTTPSettings(connectTimeout: .seconds(5), readTimeout: .seconds(20), totalTimeout: .seconds(30))
        try await ServerHarness.run(servers: 2000, http: roomy) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            // Nova lists newest first; the demo data is kept in that order.
            let order = harness.cloud.data.servers
            #expect(order.filter { !$0.name.hasPrefix("diag-") }.count == 2000, "as configured, plus the diag-* scenarios")

            let needle = "cache"
            let matches = order.enumerated().filter { $0.element.name.contains(needle) }
            #expect(matches.count > 5)
            let fifth = matches[4].offset
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instances", ["all_projects": true, "filter": .string(needle), "limit": 5])
            #expect(result.items.compactMap { $0["id"]?.stringValue } == matches.prefix(5).map { $0.element.id })
            let pages = harness.cloud.requests().filter { $0.path == Self.serversPath }.count
            #expect(pages == fifth / 100 + 1, "pages read: \(pages), 5th match at index \(fifth)")
            #expect(pages < 20, "must not read the whole cloud")

            // The cursor continues exactly after the last match, with the same filter.
            let next = try await client.call(
                "get_instances",
                ["all_projects": true, "filter": .string(needle), "limit": 5,
                 "cursor": .string(result.structured["next_cursor"]!.stringValue!)])
            #expect(next.items.compactMap { $0["id"]?.stringValue } == matches.dropFirst(5).prefix(5).map { $0.element.id })
        }
    }

    @Test func cursorsWalkEveryItemExactlyOnce() async throws {
        try await ServerHarness.run(servers: 120) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            var seen: [String] = []
            var cursor: String?
            var calls = 0
            repeat {
                var arguments: [String: JSONValue] = ["all_projects": true, "limit": 25, "detail_level": "basic"]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_instances", .object(arguments))
                seen += page.items.compactMap { $0["id"]?.stringValue }
                cursor = page.structured["next_cursor"]?.stringValue
                calls += 1
            } while cursor != nil && calls < 20
            let total = harness.cloud.data.servers.count  // 120 and the seeded diag-* scenarios
            #expect(seen.count == total)
            #expect(Set(seen).count == total)

            let images = try await client.call("get_images", ["limit": 2])
            let rest = try await client.call(
                "get_images", ["limit": 1000, "cursor": .string(images.structured["next_cursor"]?.stringValue ?? "")])
            #expect(Set((images.items + rest.items).compactMap { $0["id"]?.stringValue }).count == images.items.count + rest.items.count)
            let everything = try await client.call("get_images", ["limit": 1000])
            #expect(images.items.count + rest.items.count == everything.items.count)
        }
    }

    @Test func theSizeCapCutsWithACursor() async throws {
        try await ServerHarness.run(servers: 200, maxResultBytes: 8 * 1024) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let result = try await client.call("get_instances", ["all_projects": true, "limit": 200, "detail_level": "full"])
            #expect(result.structured["truncated"] == .bool(true))
            #expect(result.items.count < 200 && result.items.count > 0)
            #expect(result.structured["next_cursor"]?.stringValue != nil)
            #expect(result.text.utf8.count < 16 * 1024)
        }
    }

    @Test func anItemOverTheCapAloneIsShortenedWithANote() async throws {
        // One project's usage at full lists every server it ran: one item, far over 8 KiB.
        try await ServerHarness.run(servers: 200, maxResultBytes: 8 * 1024) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let whole = try await client.call("get_usage", ["detail_level": "full"])
            #expect(!whole.isError, "\(whole.text.prefix(300))")
            #expect(whole.text.utf8.count <= 8 * 1024, "\(whole.text.utf8.count)")
            #expect(whole.items.count == 1)
            let notes = whole.structured["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let note = notes.first { $0.contains("server_usages") && $0.contains("--max-result-bytes") }
            #expect(note != nil, "\(notes)")
            let kept = whole.items.first?["server_usages"]?.arrayValue?.count ?? 0
            #expect(kept > 0 && note?.contains("to \(kept) entries") == true, "\(kept) \(notes)")
        }
    }
}
