import CloudSimulator
import Foundation
import Testing

/// `--identity caller` on the real binary: the combinations it refuses say why, and a server
/// with no credentials of its own serves callers off loopback, ready while Keystone answers.
@Suite struct CallerStartupTests {
    @Test(arguments: [
        (["--identity", "caller", "--demo", "--transport", "stdio"], "needs --transport http"),
        (["--identity", "caller", "--demo", "--stateful"], "drop --stateful"),
        (["--federation-idp", "x", "--demo"], "need --identity caller"),
        (["--identity", "caller", "--demo", "--oauth-issuer", "http://127.0.0.1:9", "--oauth-audience", "a"], "needs --federation-idp"),
        (["--identity", "caller", "--demo", "--federation-idp", "x"], "needs --oauth-issuer"),
        (["--identity", "caller", "--demo", "--caller-max-calls", "0"], "--caller-max-calls 0 must be at least 1"),
    ])
    func refusedCombinationsSayWhy(arguments: [String], reason: String) async throws {
        let server = try BinaryProcess(arguments + ["--port", "0"])
        let status = await server.waitForExit()
        #expect(status != nil && status != 0)
        #expect(server.errorOutput.contains(reason), "\(server.errorOutput)")
    }

    @Test(.timeLimit(.minutes(2))) func servesCallersOffLoopbackWithNoCredentialsOfItsOwn() async throws {
        try await withDemoCloud(DemoCloudConfiguration(servers: 8)) { demo, _ in
            let port = try PlainHTTP.freePort()
            // No OS_USERNAME or password: the server has only the auth URL.
            let server = try BinaryProcess(
                ["--identity", "caller", "--host", "0.0.0.0", "--allowed-host", "127.0.0.1:\(port)", "--port", String(port), "--json-response"],
                environment: ["OS_AUTH_URL": (await demo.authURL).absoluteString])
            defer { server.terminate() }
            #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
            #expect(server.errorOutput.contains("each caller's own OpenStack identity"))
            let ready = try await PlainHTTP.get("http://127.0.0.1:\(port)/readyz")
            #expect(ready.status == 200, "\(ready.body)")
            let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
            client.extraHeaders = CallerHarness.memberCredential
            let result = try await client.call("get_instances", ["limit": 2])
            #expect(!result.isError && result.structured["count"]?.intValue == 2, "\(result.text.prefix(300))")
            #expect(demo.requests().allSatisfy { $0.tokenUser == nil || $0.tokenUser == DemoCloud.memberUser })
        }
    }
}
