import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// `get_instance_console_log`: the tail of a server's console through Nova's os-getConsoleOutput
/// action, masked, in its own toolset; the action is the only POST besides the token's.
@Suite struct ConsoleLogTests {
    @Test func theLastLinesMaskedByNameOrID() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let server = try #require(harness.cloud.data.servers.first { $0.status == "ACTIVE" && $0.host != nil })
            harness.cloud.resetRequestLog()
            let all = try await client.call("get_instance_console_log", ["server": .string(server.name), "lines": 500])
            #expect(!all.isError, "\(all.text)")
            let item = all.structured["item"] ?? .null
            let lines = item["lines"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(item["server_id"]?.stringValue == server.id)
            #expect(lines.count == item["line_count"]?.intValue && lines.count > 10, "\(all.text)")
            #expect(lines.first?.contains("Linux version") == true && lines.last == "\(server.name) login: ", "\(lines)")
            #expect(lines.contains { $0.hasPrefix("ssh-rsa AAAA") }, "a public key is no secret")
            for canary in [DemoCanaries.consolePassword, DemoCanaries.consoleToken, DemoCanaries.consolePrivateKey, DemoCanaries.consoleRandomPassword] {
                #expect(!all.text.contains(canary), "\(canary) leaked")
            }
            #expect(lines.contains("[    5.231009] cloud-init[702]: export DB_PASSWORD=***"), "\(lines)")
            #expect(lines.contains("root:***"), "\(lines)")
            #expect((item["masked"]?.intValue ?? 0) >= 4 && all.text.contains("masked"), "\(all.text)")

            let tail = try await client.call("get_instance_console_log", ["server": .string(server.id), "lines": 3])
            let tailLines = tail.structured["item"]?["lines"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(tailLines == Array(lines.suffix(3)), "\(tail.text)")
            // Nova was asked for exactly the lines wanted: one action POST per call, each answered.
            let posts = harness.cloud.requests().filter { $0.method == "POST" && $0.path != "/identity/v3/auth/tokens" }
            #expect(posts.map(\.path) == Array(repeating: "/compute/v2.1/servers/\(server.id)/action", count: 2), "\(posts)")
            #expect(posts.allSatisfy { $0.status == 200 })
        }
    }

    @Test func badLinesAServerWithoutAHostAndAMissingServerAreClearErrors() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let server = try #require(harness.cloud.data.servers.first { $0.host != nil })
            for lines: JSONValue in [0, 501, "many"] {
                let answer = try await client.call("get_instance_console_log", ["server": .string(server.id), "lines": lines])
                #expect(answer.isError && answer.text.contains("lines"), "\(answer.text)")
            }
            let missing = try await client.call("get_instance_console_log", ["server": "no-such-server"])
            #expect(missing.isError && missing.text.contains("no-such-server"), "\(missing.text)")
            if let unplaced = harness.cloud.data.servers.first(where: { $0.host == nil }) {
                let answer = try await client.call("get_instance_console_log", ["server": .string(unplaced.id)])
                #expect(answer.isError && answer.text.contains("409") && answer.text.contains("POST"), "\(answer.text)")
            }
        }
    }

    @Test func itIsOfferedOnlyWhenTheConsoleToolsetIsChosen() throws {
        let catalog = ToolRegistry.catalog
        #expect(try !ToolSelection().resolve(in: catalog).contains("get_instance_console_log"))
        #expect(try !ToolSelection(toolsets: ["compute"]).resolve(in: catalog).contains("get_instance_console_log"))
        #expect(try ToolSelection(toolsets: ["console"]).resolve(in: catalog) == ["get_instance_console_log"])
    }
}
