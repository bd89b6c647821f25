import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `--log-format json`: every line on stderr is one JSON object, from the start-up banner to the
/// last line at shutdown, on both transports, and a failure to start is one too.
@Suite struct JSONLogLinesTests {
    /// Each line of `stderr` as a JSON object; records an issue for any line that is not one.
    static func objects(_ stderr: String, _ context: String) -> [JSONValue] {
        var entries: [JSONValue] = []
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard let entry = try? JSONValue.parse(Data(line.utf8)), entry.objectValue != nil,
                entry["message"]?.stringValue != nil, entry["level"]?.stringValue != nil
            else {
                Issue.record("\(context): a stderr line that is not a JSON log object: \(line.prefix(300))")
                continue
            }
            entries.append(entry)
        }
        #expect(stderr.isEmpty || stderr.hasSuffix("\n"), "\(context): the last line is whole")
        return entries
    }

    @Test(.timeLimit(.minutes(2))) func everyStderrLineOfTheDemoOverHTTPIsAnObject() async throws {
        let port = try PlainHTTP.freePort()
        let metricsPort = try PlainHTTP.freePort()
        let server = try BinaryProcess(
            ["--demo", "--port", String(port), "--metrics-port", String(metricsPort), "--log-format", "json", "--log-level", "debug"])
        defer { server.terminate() }
        #expect(
            await server.waitFor { _, err in err.contains("listening on the MCP endpoint") && err.contains("metrics and probes") },
            "\(server.errorOutput)")
        let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
        _ = try await client.call("get_instances", ["limit": 2])
        _ = try await client.send(body: "{not json")
        _ = try await PlainHTTP.get("http://127.0.0.1:\(metricsPort)/readyz")
        #expect(await server.waitFor { _, err in err.contains("\"tool call\"") })
        server.terminate()
        #expect(await server.waitForExit() != nil)

        let entries = Self.objects(server.errorOutput, "http")
        let banner = try #require(entries.first { $0["message"] == "listening on the MCP endpoint" })
        #expect(banner["url"] == .string("http://127.0.0.1:\(port)/openstack"))
        #expect(banner["clouds"] == ["demo", "demo2"])
        #expect(banner["answers"] == "SSE" && banner["sessions"] == "stateless")
        #expect(banner["level"] == "notice" && banner["logger"] == "openstack-mcp-server")
        let demos = entries.filter { $0["message"] == "demo cloud (simulated OpenStack)" }
        #expect(demos.compactMap { $0["cloud"]?.stringValue } == ["demo", "demo2"])
        #expect(demos.allSatisfy { $0["url"]?.stringValue?.hasPrefix("http://127.0.0.1:") == true })
        let signIn = try #require(entries.first { $0["message"] == "demo sign-in" })
        #expect(signIn["user"] == .string(DemoCloud.adminUser) && signIn["project"] == .string(DemoCloud.adminProject))
        let connect = try #require(entries.first { $0["message"] == "demo: connect a client" })
        #expect(connect["claude"]?.stringValue?.hasSuffix("http://127.0.0.1:\(port)/openstack") == true)
        let metrics = try #require(entries.first { $0["message"] == "listening for metrics and probes" })
        #expect(metrics["url"] == .string("http://127.0.0.1:\(metricsPort)/metrics"))
        #expect(entries.contains { $0["message"] == "tool call" })
    }

    @Test(.timeLimit(.minutes(2))) func everyStderrLineOverStdioIsAnObject() async throws {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-format", "json", "--log-level", "debug"])
        defer { server.terminate() }
        server.write(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_instances","arguments":{"limit":2}}}"#)
        server.write("{not json")
        #expect(await server.waitFor { out, _ in out.split(separator: "\n").count >= 2 })
        server.stdin.fileHandleForWriting.closeFile()
        #expect(await server.waitForExit() == 0)
        let entries = Self.objects(server.errorOutput, "stdio")
        #expect(entries.contains { $0["message"] == "tool call" })
        #expect(!entries.contains { $0["message"] == "listening on the MCP endpoint" }, "stdio listens on no port")
        for line in server.standardOutput.split(separator: "\n") {
            #expect((try? JSONValue.parse(Data(line.utf8)))?["jsonrpc"] == "2.0", "stdout: \(line.prefix(200))")
        }
    }

    @Test func aFailureToStartIsOneObjectToo() async throws {
        let port = try PlainHTTP.freePort()
        let first = try BinaryProcess(["--demo", "--port", String(port)])
        defer { first.terminate() }
        #expect(await first.waitFor { _, err in err.contains("listening on") }, "\(first.errorOutput)")
        let failures: [([String], String)] = [
            (["--demo", "--port", String(port), "--log-format", "json"], "already in use"),
            (["--demo", "--log-format", "json", "--log-level", "loud"], "--log-level loud"),
            (["--demo", "--log-format=json", "--no-such-flag"], "--no-such-flag"),
        ]
        for (arguments, needle) in failures {
            let run = try BinaryProcess(arguments)
            let status = await run.waitForExit()
            #expect(status != nil && status != 0, "\(arguments)")
            let entries = Self.objects(run.errorOutput, "\(arguments)")
            let failure = try #require(entries.last, "\(arguments): \(run.errorOutput)")
            #expect(failure["message"] == "cannot start" && failure["level"] == "critical", "\(failure.compactText())")
            #expect(failure["error"]?.stringValue?.contains(needle) == true, "\(failure.compactText())")
        }
        // Text stays as it was: one plain line.
        let text = try BinaryProcess(["--demo", "--no-such-flag"])
        #expect(await text.waitForExit() == 2)
        #expect(text.errorOutput.hasPrefix("openstack-mcp-server: ") && text.errorOutput.split(separator: "\n").count == 1)
    }

    @Test func theTextBannerIsUnchanged() async throws {
        let port = try PlainHTTP.freePort()
        let server = try BinaryProcess(["--demo", "--port", String(port), "--json-response", "--stateful"])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("     or: claude") }, "\(server.errorOutput)")
        let endpoint = "http://127.0.0.1:\(port)/openstack"
        let lines = server.errorOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("openstack-mcp-server listening on \(endpoint) (JSON answers, stateful; clouds: demo, demo2)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("demo cloud demo (simulated OpenStack) at http://127.0.0.1:") })
        #expect(lines.contains("demo sign-in: user \(DemoCloud.adminUser), password \(DemoCloud.adminPassword), project \(DemoCloud.adminProject), domain \(DemoCloud.domainName)"))
        #expect(lines.contains("connect: npx @modelcontextprotocol/inspector  → Streamable HTTP → \(endpoint)"))
        #expect(lines.contains("     or: claude mcp add --transport http openstack \(endpoint)"))
    }
}
