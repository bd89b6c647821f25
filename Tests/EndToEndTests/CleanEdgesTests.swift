import CloudSimulator
import Foundation
import Testing

/// What a new user met first: each message names what they typed and what to do.
@Suite struct CleanEdgesTests {
    /// Runs the binary until it exits and returns its one line of stderr.
    func failure(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let run = try BinaryProcess(arguments, environment: environment)
        let status = await run.waitForExit()
        #expect(status != nil && status != 0, "\(arguments)")
        let lines = run.errorOutput.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(run.errorOutput)")
        return run.errorOutput
    }

    @Test func aNegativePortIsOutOfRangeNotAMissingValue() async throws {
        let line = try await failure(["--port", "-1", "--demo"])
        #expect(line.contains("--port -1 is not a TCP port"), "\(line)")
        #expect(!line.contains("Missing value"))
    }

    @Test func aBadLimitNamesTheFlagThatWasPassed() async throws {
        let body = try await failure(["--max-body-bytes", "0", "--demo"])
        #expect(body.contains("--max-body-bytes 0"), "\(body)")
        let timeout = try await failure(["--timeout", "0", "--demo"])
        #expect(timeout.contains("--timeout 0") && !timeout.contains("--max-result-bytes"), "\(timeout)")
        let metrics = try await failure(["--metrics-port", "8000", "--demo"])
        #expect(metrics.contains("--metrics-port 8000 is also --port"), "\(metrics)")
    }

    @Test func aPortInUseSaysSoInWords() async throws {
        let port = try PlainHTTP.freePort()
        let first = try BinaryProcess(["--demo", "--port", String(port)])
        defer { first.terminate() }
        #expect(await first.waitFor { _, err in err.contains("listening on") }, "\(first.errorOutput)")
        let line = try await failure(["--demo", "--port", String(port), "--log-level", "error"])
        #expect(line.contains("port \(port) on 127.0.0.1 is already in use"), "\(line)")
        #expect(line.contains("--port"))
        #expect(!line.contains("bind(") && !line.contains("descriptor"), "\(line)")
    }

    @Test func anAuthURLThatIsNotKeystoneSaysSo() async throws {
        try await withDemoCloud { _, base in
            // Nova's endpoint where Keystone's belongs: the token POST gets 405, the root 404.
            for url in [base.absoluteString + "/compute/v2.1", base.absoluteString] {
                let line = try await failure(
                    ["--auth-url", url, "--username", "admin", "--password", "x", "--project-name", "admin"])
                #expect(line.contains("does not answer as Keystone v3") && line.contains("OS_AUTH_URL"), "\(line)")
                #expect(!line.contains("may have been deleted"), "\(line)")
            }
        }
    }

    @Test func helpListsTheEndpointsAndNoExampleWraps() async throws {
        let (status, text) = try await BinaryProcess.output(of: ["--help"])
        #expect(status == 0)
        for needle in ["/healthz", "/readyz", "/metrics", "--metrics-port", "--log-format", "--probe", DemoCloud.adminPassword] {
            #expect(text.contains(needle), "help lacks \(needle)")
        }
        // Help is laid out for 80 columns; an example line that long would wrap mid-command.
        let examples = text.components(separatedBy: "EXAMPLES").last?.components(separatedBy: "USAGE").first ?? ""
        for line in examples.split(separator: "\n") {
            #expect(line.count <= 80, "wraps: \(line)")
            #expect(!line.hasPrefix("https://") && !line.hasPrefix("--"), "continues a wrapped line: \(line)")
        }
    }
}
