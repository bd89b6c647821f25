import Foundation
import OpenStackKit
import Testing

/// The whole `tools/list` answer is pinned, so any change to a name, schema or annotation is
/// deliberate. Re-record with `SNAPSHOT_RECORD=1 swift test --filter ToolSurfaceSnapshotTests`.
@Suite struct ToolSurfaceSnapshotTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/tools-list.json")

    @Test func toolsListMatchesTheSnapshot() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let tools = JSONValue.array(try await client.listTools())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let actual = String(decoding: try encoder.encode(tools), as: UTF8.self) + "\n"
            if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
                try actual.write(to: Self.file, atomically: true, encoding: .utf8)
                return
            }
            guard let expected = try? String(contentsOf: Self.file, encoding: .utf8) else {
                Issue.record("no snapshot at \(Self.file.path); record it with SNAPSHOT_RECORD=1")
                return
            }
            #expect(actual == expected, "tools/list changed; if deliberate, re-record with SNAPSHOT_RECORD=1")

            for tool in tools.arrayValue ?? [] {
                let name = tool["name"]?.stringValue ?? "?"
                #expect(tool["annotations"]?["readOnlyHint"] == .bool(true), "\(name)")
                #expect(tool["annotations"]?["openWorldHint"] == .bool(true), "\(name)")
                #expect(tool["annotations"]?["title"]?.stringValue?.isEmpty == false, "\(name)")
                #expect(tool["outputSchema"]?["type"]?.stringValue == "object", "\(name)")
                let properties = tool["inputSchema"]?["properties"]?.objectValue ?? [:]
                if name == "get_clouds" { continue }
                #expect(properties["cloud"] != nil && properties["region"] != nil, "\(name) lacks cloud or region")
                // The list parameters belong to list tools (their output has `items`).
                guard tool["outputSchema"]?["properties"]?["items"] != nil else { continue }
                for common in ["filter", "limit", "detail_level", "cursor"] {
                    #expect(properties[common] != nil, "\(name) lacks \(common)")
                }
                // The defaults (limit 100, detail_level detailed) are said once, in the server's
                // instructions, not in each of some seventy schemas; the ranges are declared here.
                #expect(properties["limit"]?["minimum"]?.intValue == 1 && properties["limit"]?["maximum"]?.intValue == 1000, "\(name)")
                #expect(properties["detail_level"]?["enum"] == ["basic", "detailed", "full"], "\(name)")
            }
        }
    }
}
