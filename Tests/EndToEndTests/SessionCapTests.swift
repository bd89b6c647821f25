import Foundation
import OpenStackKit
import OpenStackMCPServer
import Testing

/// `--max-sessions` holds when many clients initialize at the same moment.
@Suite struct SessionCapTests {
    @Test(.timeLimit(.minutes(2))) func concurrentInitializeNeverExceedsTheCap() async throws {
        let options = ServerOptions(port: 0, jsonResponse: true, stateful: true, maxSessions: 5)
        try await ServerHarness.run(options: options) { harness in
            let body = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cap","version":"1"}}}"#
            let outcomes = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        let response = try await harness.client().send(body: body)
                        return (response.status, response.headers.first(name: "Mcp-Session-Id"))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let opened = outcomes.filter { $0.0 == 200 }
            #expect(opened.count == 5, "\(outcomes.map(\.0))")
            #expect(Set(opened.compactMap(\.1)).count == 5, "each opened session has its own ID")
            #expect(outcomes.filter { $0.0 == 503 }.count == 55)
            #expect(outcomes.allSatisfy { $0.0 == 200 || $0.0 == 503 })
        }
    }
}
