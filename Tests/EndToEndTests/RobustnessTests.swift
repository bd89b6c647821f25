import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

/// Seeded fuzzing of the protocol layer: every message a client can send, valid or not, gets
/// exactly the answer the rules call for, at once, on every transport; nothing hangs and
/// stdout never carries anything but whole JSON-RPC lines.
@Suite(.serialized) struct RobustnessTests {
    static let seed: UInt64 = 20_261_203

    /// Sends `count` fuzzed messages over HTTP with four clients at once and checks every answer.
    static func fuzzHTTP(options: ServerOptions, count: Int, session: Bool = false) async throws {
        try await ServerHarness.run(options: options) { harness in
            var fuzzer = MessageFuzzer(seed: seed)
            let cases = (0..<count).map { _ in fuzzer.next() }
            let opener = harness.client()
            if session { _ = try await opener.initialize() }
            let sessionID = opener.sessionID
            let failures = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let client = harness.client()
                        client.sessionID = sessionID
                        var failures: [String] = []
                        for item in cases.enumerated() where item.offset % 4 == worker {
                            let sample = item.element
                            let response = try await client.send(bytes: sample.bytes, headers: sample.headers, timeout: .seconds(10))
                            if sample.expected == .silence {
                                if response.status != 202 || !response.body.isEmpty {
                                    failures.append("\(sample.kind): HTTP \(response.status) \(response.body.prefix(120))")
                                }
                            } else if let message = response.message, MessageFuzzer.matches(message, sample.expected) {
                                continue
                            } else {
                                failures.append("\(sample.kind): wanted \(sample.expected), got HTTP \(response.status) \(response.body.prefix(160))")
                            }
                        }
                        return failures
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(count) wrong, e.g. \(failures.prefix(5))")
        }
    }

    @Test(.timeLimit(.minutes(2))) func everyHTTPMessageGetsItsAnswerInJSONMode() async throws {
        try await Self.fuzzHTTP(options: ServerOptions(port: 0, jsonResponse: true), count: 1500)
    }

    @Test(.timeLimit(.minutes(2))) func everyHTTPMessageGetsItsAnswerInSSEMode() async throws {
        try await Self.fuzzHTTP(options: ServerOptions(port: 0), count: 1500)
    }

    @Test(.timeLimit(.minutes(2))) func everyHTTPMessageGetsItsAnswerInAStatefulSession() async throws {
        try await Self.fuzzHTTP(options: ServerOptions(port: 0, stateful: true), count: 1000, session: true)
    }

    @Test(.timeLimit(.minutes(2))) func everyStdioMessageGetsItsAnswerOnItsOwnLine() async throws {
        var fuzzer = MessageFuzzer(seed: Self.seed &+ 1)
        let cases = (0..<3000).map { _ in fuzzer.next() }
        let expected = cases.filter { $0.expected != .silence }
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "error"])
        defer { server.terminate() }
        // All at once, as a client that pipelines would: one write, thousands of lines.
        var input: [UInt8] = []
        for sample in cases { input += sample.bytes + [0x0A] }
        server.stdin.fileHandleForWriting.write(Data(input))
        let complete = await server.waitFor(.seconds(60)) { out, _ in out.utf8.filter { $0 == 0x0A }.count >= expected.count }
        #expect(complete, "answers: \(server.standardOutput.split(separator: "\n").count) of \(expected.count)")
        try await Task.sleep(for: .milliseconds(300))  // anything extra would show up now
        let lines = server.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == expected.count, "one answer per request, none for notifications and responses")
        var answers: [JSONValue] = []
        for line in lines {
            guard let message = try? JSONValue.parse(Data(line.utf8)), message["jsonrpc"] == "2.0" else {
                Issue.record("a stdout line that is not one JSON-RPC message: \(line.prefix(200))")
                continue
            }
            answers.append(message)
        }
        // Answers come in the order they finish: match each expectation to one answer.
        var unmatched = answers
        var missing: [String] = []
        for sample in expected {
            if let index = unmatched.firstIndex(where: { MessageFuzzer.matches($0, sample.expected) }) {
                unmatched.remove(at: index)
            } else {
                missing.append("\(sample.kind): \(sample.expected)")
            }
        }
        #expect(missing.isEmpty, "\(missing.count) unanswered or wrong, e.g. \(missing.prefix(5))")
        // Still serving, and EOF ends it.
        server.write(#"{"jsonrpc":"2.0","id":"last","method":"ping"}"#)
        #expect(await server.waitFor(.seconds(10)) { out, _ in out.contains(#""id":"last""#) })
        server.stdin.fileHandleForWriting.closeFile()
        #expect(await server.waitForExit(.seconds(10)) == 0)
    }

    @Test func aLineLongerThanTheLimitIsRefusedAndTheNextOneServed() async throws {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "error", "--max-body-bytes", "4096"])
        defer { server.terminate() }
        server.write(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: 100_000) + #""}}"#)
        server.write(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#)
        #expect(await server.waitFor { out, _ in out.contains(#""id":2"#) }, "\(server.errorOutput)")
        let lines = server.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        // Its id comes before the long member, so the refusal is its answer (MessageEdgesTests has the other cases).
        #expect(lines.first?.contains("-32600") == true && lines.first?.contains(#""id":1,"#) == true, "\(lines.first ?? "")")
    }
}
