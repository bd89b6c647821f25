import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// /readyz against a Keystone that is down and then up, and the rule that no log line at any
/// level carries a secret.
@Suite struct ReadinessAndSecretsTests {
    /// A clouds.yaml with one cloud per (name, Keystone URL), all signing in as the demo admin.
    static func cloudsFile(_ clouds: [(String, String)]) throws -> URL {
        var yaml = "clouds:\n"
        for (name, url) in clouds {
            yaml += """
                  \(name):
                    auth:
                      auth_url: \(url)
                      username: \(DemoCloud.adminUser)
                      password: \(DemoCloud.adminPassword)
                      project_name: \(DemoCloud.adminProject)
                      user_domain_name: Default
                      project_domain_name: Default

                """
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("readyz-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func readyzSaysPerCloudWhetherItHasATokenAndACatalog() async throws {
        try await withDemoCloud { up, _ in
            let downPort = try PlainHTTP.freePort()
            let file = try Self.cloudsFile([
                ("up", (await up.authURL).absoluteString), ("down", "http://127.0.0.1:\(downPort)/identity/v3"),
            ])
            let port = try PlainHTTP.freePort()
            let server = try BinaryProcess(
                ["--os-cloud", "up", "--os-cloud", "down", "--port", String(port), "--connect-timeout", "1"],
                environment: ["OS_CLIENT_CONFIG_FILE": file.path])
            defer { server.terminate() }
            #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")

            let down = try await PlainHTTP.get("http://127.0.0.1:\(port)/readyz")
            #expect(down.status == 503)
            let lines = down.body.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(down.body)")
            #expect(lines.first == "cloud up: ready")
            #expect(lines.last?.hasPrefix("cloud down: not ready: ") == true)
            #expect(lines.last?.contains("Keystone") == true, "\(down.body)")
            #expect(!down.body.contains(DemoCloud.adminPassword))

            // Keystone comes up on that port: the next probe authenticates and the server is ready.
            var configuration = DemoCloudConfiguration()
            configuration.port = downPort
            try await withDemoCloud(configuration) { _, _ in
                let ready = try await PlainHTTP.get("http://127.0.0.1:\(port)/readyz")
                #expect(ready.status == 200, "\(ready.body)")
                #expect(ready.body == "cloud up: ready\ncloud down: ready\n")
            }
        }
    }

    @Test func noSecretInAnyLogLineAtAnyLevel() async throws {
        try await withDemoCloud { cloud, _ in
            let authURL = (await cloud.authURL).absoluteString
            for format in ["text", "json"] {
                let (server, port) = try await BinaryProcess.againstDemo(
                    authURL: authURL, flags: ["--log-level", "debug", "--log-format", format, "--json-response"])
                defer { server.terminate() }
                let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
                // Answers with secrets redacted in them, a revoked token (401, then a new token),
                // an upstream error and a bad argument: the paths that log the most.
                _ = try await client.call("get_instances", ["limit": 2, "detail_level": "full", "all_projects": true])
                cloud.revokeAllTokens()
                _ = try await client.call("get_volumes", ["limit": 2, "detail_level": "full"])
                _ = try await client.call("get_instance", ["id": "no-such-server"])
                _ = try await client.call("get_networks", ["limit": -1])
                _ = try await PlainHTTP.get("http://127.0.0.1:\(port)/readyz")
                #expect(await server.waitFor { _, err in err.components(separatedBy: "tool call").count == 5 })
                let log = server.errorOutput
                #expect(log.contains("upstream call"), "DEBUG lines are there")
                for secret in [DemoCloud.adminPassword, "gAAAAA", "X-Auth-Token: g", "adminPass\":\"", "\"password\":\""] {
                    #expect(!log.contains(secret), "\(format) log holds \(secret)")
                }
                server.terminate()
                _ = await server.waitForExit()
            }
        }
    }
}
