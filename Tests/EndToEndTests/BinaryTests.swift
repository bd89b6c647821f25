import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The real executable: command line, stdio transport, start-up failures and shutdown.
@Suite struct BinaryTests {
    @Test func stdioCarriesOnlyJSONRPCAndAnswersTools() async throws {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "debug"])
        defer { server.terminate() }
        server.write(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
        server.write(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        server.write(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        server.write(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_instances","arguments":{"limit":4,"all_projects":true}}}"#)
        // Answers may come in any order (the tools/list answer is the largest): wait for all three.
        let done = await server.waitFor { out, _ in out.contains("\"id\":3") && out.filter { $0 == "\n" }.count >= 3 }
        #expect(done, "stderr: \(server.errorOutput)")
        let lines = server.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let message = try JSONValue.parse(Data(line.utf8))
            #expect(message["jsonrpc"]?.stringValue == "2.0")
        }
        // Requests are answered concurrently, so find the answer by its id.
        let answers = try lines.map { try JSONValue.parse(Data($0.utf8)) }
        let call = try #require(answers.first { $0["id"]?.intValue == 3 })
        #expect(call["result"]?["structuredContent"]?["count"]?.intValue == 4)
        #expect(server.errorOutput.contains("tool call"), "logs go to stderr")
        server.stdin.fileHandleForWriting.closeFile()
        #expect(await server.waitForExit(.seconds(10)) != nil, "stdin EOF ends the server")
    }

    @Test func badFlagsGiveOneLineAndANonZeroExit() async throws {
        for arguments in [["--bogus"], ["--port", "notaport"], ["--log-level", "LOUD", "--demo"], ["--transport", "pigeon"]] {
            let run = try BinaryProcess(arguments)
            let status = await run.waitForExit()
            #expect(status != nil && status != 0, "\(arguments)")
            let lines = run.errorOutput.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): \(run.errorOutput)")
            #expect(run.errorOutput.hasPrefix("openstack-mcp-server: "))
        }
    }

    @Test func missingCredentialsAndUnreachableKeystoneExitCleanly() async throws {
        let missing = try BinaryProcess([])
        #expect(await missing.waitForExit() == 1)
        #expect(missing.errorOutput.contains("OS_AUTH_URL"))
        #expect(missing.errorOutput.split(separator: "\n").count == 1)

        let unreachable = try BinaryProcess(["--auth-url", "http://127.0.0.1:9/v3", "--username", "admin", "--password", "secret-pw"])
        #expect(await unreachable.waitForExit() == 1)
        #expect(unreachable.errorOutput.contains("Keystone"))
        #expect(!unreachable.errorOutput.contains("secret-pw"))
        #expect(unreachable.errorOutput.split(separator: "\n").count == 1, "\(unreachable.errorOutput)")
    }

    @Test func aKeystoneThatNeverAnswersIsAnErrorNotAHang() async throws {
        try await withDemoCloud { cloud, _ in
            cloud.setFault(.hang, forPathPrefix: "/identity/v3/auth/tokens")
            let authURL = await cloud.authURL
            let started = ContinuousClock.now
            let run = try BinaryProcess([
                "--auth-url", authURL.absoluteString, "--username", "admin", "--password", "x", "--timeout", "2",
            ])
            #expect(await run.waitForExit(.seconds(15)) == 1)
            #expect(ContinuousClock.now - started < .seconds(12))
            #expect(run.errorOutput.contains("Keystone"))
            #expect(run.errorOutput.lowercased().contains("deadline") || run.errorOutput.lowercased().contains("time"))
        }
    }

    @Test func theSeedCommandLineWorksAndOSVariablesAreRead() async throws {
        try await withDemoCloud { cloud, _ in
            let authURL = await cloud.authURL
            let port = try PlainHTTP.freePort()
            let seed = try BinaryProcess(
                ["--port", String(port), "--log-level", "INFO", "--auth-url", authURL.absoluteString, "--username", "admin",
                 "--password", DemoCloud.adminPassword],
                environment: ["OS_PROJECT_NAME": DemoCloud.adminProject])
            defer { seed.terminate() }
            #expect(await seed.waitFor { _, err in err.contains("listening on") }, "\(seed.errorOutput)")
            let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
            defer { Task { await client.shutdown() } }
            let result = try await client.call("get_instances", ["limit": 2])
            #expect(result.items.count == 2, "\(result.text)")
            #expect(!seed.errorOutput.contains(DemoCloud.adminPassword), "the password must never be logged")

            // SIGTERM ends the server promptly, even with a stream open.
            kill(seed.process.processIdentifier, SIGTERM)
            #expect(await seed.waitForExit(.seconds(6)) != nil)
        }
    }

    @Test func sigtermEndsAStatefulServerWithAnOpenStream() async throws {
        let port = Int.random(in: 40001...60000)
        let server = try BinaryProcess(["--demo", "--stateful", "--port", String(port)])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
        let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
        defer { Task { await client.shutdown() } }
        _ = try await client.initialize()
        // Open the standalone GET stream and leave it open.
        let stream = Task { try? await client.send(method: .GET, body: nil, headers: [("Accept", "text/event-stream")]) }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        kill(server.process.processIdentifier, SIGTERM)
        let status = await server.waitForExit(.seconds(8))
        #expect(status != nil, "still running after SIGTERM")
        #expect(ContinuousClock.now - started < .seconds(6))
        stream.cancel()
    }

    @Test func helpReadsLikeAManual() async throws {
        let (status, text) = try await BinaryProcess.output(of: ["--help"])
        #expect(status == 0)
        for needle in ["--demo", "--auth-url", "OS_PASSWORD", "ps", "--json-response", "--transport", "EXAMPLES", "--stateful"] {
            #expect(text.contains(needle), "help lacks \(needle)")
        }
    }
}
