import CloudSimulator
import Foundation
import NIOCore
import OpenStackKit
import OpenStackMCPServer
import Testing

/// A cancelled request stops: on stdio by `notifications/cancelled`, on HTTP by closing the SSE
/// stream. Its upstream call is abandoned, no later upstream call is made, and no answer is sent.
///
/// `get_instances` reads Nova, then Glance for the image names of the page, so with Nova slowed
/// down a call that keeps running shows up as a Glance request after Nova answers.
@Suite(.serialized) struct CancellationTests {
    static let nova = "/compute/v2.1/servers"

    static func glanceReads(_ cloud: DemoCloud) -> Int {
        cloud.requests().filter { $0.path.contains("/images") }.count
    }

    @Test(.timeLimit(.minutes(1))) func notificationsCancelledStopsAStdioCall() async throws {
        try await withDemoCloud { cloud, _ in
            let server = try BinaryProcess(
                ["--transport", "stdio", "--log-level", "error", "--auth-url", (await cloud.authURL).absoluteString],
                environment: [
                    "OS_USERNAME": DemoCloud.adminUser, "OS_PASSWORD": DemoCloud.adminPassword,
                    "OS_PROJECT_NAME": DemoCloud.adminProject,
                ])
            defer { server.terminate() }
            let call = { (id: String) in
                #"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/call","params":{"name":"get_instances","arguments":{"limit":3}}}"#
            }
            // Control: uncancelled, the slow call answers and reads Glance after Nova.
            cloud.setFault(.latency(milliseconds: 800), forPathPrefix: Self.nova)
            server.write(call("control"))
            #expect(await server.waitFor { out, _ in out.contains(#""id":"control""#) }, "\(server.errorOutput)")
            #expect(Self.glanceReads(cloud) > 0, "the control call reads image names")

            cloud.resetRequestLog()
            cloud.setFault(.latency(milliseconds: 1500), forPathPrefix: Self.nova)
            server.write(call("doomed"))
            try await Task.sleep(for: .milliseconds(400))
            server.write(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"doomed","reason":"test"}}"#)
            server.write(#"{"jsonrpc":"2.0","id":"after","method":"ping"}"#)
            #expect(await server.waitFor { out, _ in out.contains(#""id":"after""#) }, "still serving")
            try await Task.sleep(for: .milliseconds(2500))  // past the point where Nova would have answered
            #expect(!server.standardOutput.contains(#""id":"doomed""#), "a cancelled request gets no answer")
            #expect(Self.glanceReads(cloud) == 0, "no upstream call after the cancellation")
            #expect(cloud.requests().contains { $0.path.hasPrefix(Self.nova) }, "the Nova call had started")
        }
    }

    @Test(.timeLimit(.minutes(1))) func closingTheSSEStreamStopsAnHTTPCall() async throws {
        let options = ServerOptions(port: 0, keepAliveInterval: .milliseconds(200))
        try await ServerHarness.run(options: options) { harness in
            let client = harness.client()
            _ = try await client.call("get_flavors", ["limit": 1])  // token and discovery, warm
            let params: JSONValue = ["name": "get_instances", "arguments": ["limit": 3]]
            let body = MCPTestClient.modernBody(id: 9, method: "tools/call", params: params)
            let headers = MCPTestClient.modernHeaders(method: "tools/call", params: params)

            harness.cloud.setFault(.latency(milliseconds: 800), forPathPrefix: Self.nova)
            let control = try await client.send(bytes: Array(body.utf8), headers: headers)
            #expect(control.message?["result"] != nil, "\(control.body.prefix(200))")
            #expect(Self.glanceReads(harness.cloud) > 0)

            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.latency(milliseconds: 2000), forPathPrefix: Self.nova)
            // The client gives up after 300 ms: cancelling its request closes the connection.
            let abandoned = Task { try await client.send(bytes: Array(body.utf8), headers: headers) }
            try await Task.sleep(for: .milliseconds(300))
            abandoned.cancel()
            #expect((try? await abandoned.value)?.body.contains("\"id\":9") != true, "no answer reached the client")
            try await Task.sleep(for: .milliseconds(3000))
            #expect(Self.glanceReads(harness.cloud) == 0, "no upstream call after the stream closed")
            #expect(harness.cloud.requests().contains { $0.path.hasPrefix(Self.nova) })
            harness.cloud.clearFaults()
        }
    }
}
