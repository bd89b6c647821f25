import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `--check-config` on the real binary: the resolved configuration with secrets masked, then a
/// plain verdict for each kind of bad configuration.
@Suite(.serialized) struct CheckConfigTests {
    /// A scratch HOME and working directory, so only the test's clouds.yaml is found.
    struct Sandbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")

        init(clouds: String? = nil, secure: String? = nil) throws {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(".config/openstack"), withIntermediateDirectories: true)
            if let clouds { try clouds.write(to: root.appendingPathComponent("clouds.yaml"), atomically: true, encoding: .utf8) }
            if let secure {
                try secure.write(to: root.appendingPathComponent(".config/openstack/secure.yaml"), atomically: true, encoding: .utf8)
            }
        }

        struct Run {
            var status: Int32?
            var output: String
            var errors: String
        }

        func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
            var env = ["HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent(".config").path]
            env.merge(environment) { _, new in new }
            let process = try BinaryProcess(["--check-config", "--timeout", "20", "--connect-timeout", "5"] + arguments,
                                            environment: env, currentDirectory: root)
            let status = await process.waitForExit(.seconds(90))
            process.terminate()
            return Run(status: status, output: process.standardOutput, errors: process.errorOutput)
        }
    }

    static func cloudsYAML(_ authURL: URL, name: String = "mycloud", extra: String = "", password: String? = nil) -> String {
        """
        clouds:
          \(name):
            auth:
              auth_url: \(authURL.absoluteString)
              username: \(DemoCloud.adminUser)
              project_name: \(DemoCloud.adminProject)
              user_domain_name: Default
              project_domain_name: Default\(password.map { "\n      password: \($0)" } ?? "")
            regions: [RegionOne, RegionTwo]
            identity_api_version: 3
        \(extra)
        """
    }

    static let securePassword = "clouds:\n  mycloud:\n    auth:\n      password: \(DemoCloud.adminPassword)\n"

    @Test func aGoodConfigurationIsShownMaskedAndPasses() async throws {
        try await withDemoCloud { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL), secure: Self.securePassword)
            let run = try await sandbox.run([], environment: ["OS_CLOUD": "mycloud", "OS_INTERFACE": "public"])
            #expect(run.status == 0, "\(run.output)\n\(run.errors)")
            for needle in [
                "clouds.yaml: \(sandbox.root.path)/clouds.yaml", "cloud 'mycloud' from clouds.yaml",
                "**** (set, not shown)  [secure.yaml]", "[OS_INTERFACE]", "authenticate", "ok — user admin, project admin",
                "regions RegionOne, RegionTwo", "block-storage", "RESULT: OK",
            ] {
                #expect(run.output.contains(needle), "missing \(needle) in:\n\(run.output)")
            }
            #expect(!run.output.contains(DemoCloud.adminPassword) && !run.errors.contains(DemoCloud.adminPassword))
            print("--- check-config, good configuration ---\n\(run.output)")
        }
    }

    @Test func aServiceThatAnswers5xxIsAProblem() async throws {
        try await withDemoCloud { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL), secure: Self.securePassword)
            demo.setFault(.status(503), forPathPrefix: "/placement")
            let run = try await sandbox.run(["--os-cloud", "mycloud"])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.output.contains("answers HTTP 503: it is up but failing"), "\(run.output)")
            #expect(run.output.contains("compute                      ok — answers at"), "\(run.output)")
        }
    }

    @Test func anUnreachableKeystoneIsNamed() async throws {
        let sandbox = try Sandbox(clouds: Self.cloudsYAML(URL(string: "http://127.0.0.1:9/v3")!, password: "x"))
        let run = try await sandbox.run(["--os-cloud", "mycloud"])
        #expect(run.status == 1)
        #expect(run.output.contains("Keystone is unreachable at http://127.0.0.1:9/v3"), "\(run.output)")
        #expect(run.output.contains("RESULT: FAILED"))
        print("--- check-config, Keystone unreachable ---\n\(run.output)")
    }

    @Test func rejectedCredentialsAreNamedWithoutShowingThem() async throws {
        try await withDemoCloud { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL, password: "not-the-password"))
            let run = try await sandbox.run(["--os-cloud", "mycloud"])
            #expect(run.status == 1)
            #expect(run.output.contains("Keystone rejected the credentials (HTTP 401"), "\(run.output)")
            #expect(!run.output.contains("not-the-password"))
            print("--- check-config, credentials rejected ---\n\(run.output)")
        }
    }

    @Test func aTLSFailureIsNamedAndOneInsecureWarningIsPrinted() async throws {
        try await withDemoCloud(DemoCloudConfiguration(tls: try await TestCertificates.serverTLS())) { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL), secure: Self.securePassword)
            let untrusted = try await sandbox.run(["--os-cloud", "mycloud"])
            #expect(untrusted.status == 1)
            #expect(untrusted.output.contains("TLS failure talking to Keystone at 127.0.0.1"), "\(untrusted.output)")
            print("--- check-config, TLS failure ---\n\(untrusted.output)")

            let trusted = try await sandbox.run(["--os-cloud", "mycloud"], environment: ["OS_CACERT": try await TestCertificates.path("ca.pem")])
            #expect(trusted.status == 0, "\(trusted.output)")
            #expect(trusted.output.contains("verified with CA bundle"))

            let insecure = try await sandbox.run(["--os-cloud", "mycloud", "--insecure"])
            #expect(insecure.status == 0, "\(insecure.output)")
            let warnings = insecure.errors.split(separator: "\n").filter { $0.contains("TLS verification is OFF") }
            #expect(warnings.count == 1, "\(insecure.errors)")
        }
    }

    @Test func clockSkewThatExpiresTokensIsNamed() async throws {
        try await withDemoCloud(DemoCloudConfiguration(clockSkew: -7200)) { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL), secure: Self.securePassword)
            let run = try await sandbox.run(["--os-cloud", "mycloud"])
            #expect(run.status == 1)
            #expect(run.output.contains("clock skew"), "\(run.output)")
            #expect(run.output.contains("NTP"))
        }
    }

    @Test func aServiceMissingFromTheRegionOrInterfaceIsNamed() async throws {
        try await withDemoCloud { demo, _ in
            let sandbox = try Sandbox(clouds: Self.cloudsYAML(await demo.authURL), secure: Self.securePassword)
            let regionTwo = try await sandbox.run(["--os-cloud", "mycloud"], environment: ["OS_REGION_NAME": "RegionTwo"])
            #expect(regionTwo.status == 0, "a region without Cinder still serves the other tools: \(regionTwo.output)")
            #expect(regionTwo.output.contains("MISSING — Cinder (block-storage) is not offered in region RegionTwo; regions that have it: RegionOne"), "\(regionTwo.output)")
            #expect(regionTwo.output.contains("OK, without block-storage, placement, orchestration, load-balancer, object-store, dns, key-manager, baremetal, shared-file-system, metric, alarming in region RegionTwo"), "\(regionTwo.output)")
            let admin = try await sandbox.run(["--os-cloud", "mycloud", "--interface", "admin"])
            #expect(admin.status == 1)
            #expect(admin.output.contains("no service besides Keystone has an endpoint for interface admin in region RegionOne"), "\(admin.output)")
            let wrongRegion = try await sandbox.run(["--os-cloud", "mycloud", "--region", "RegionNine"])
            #expect(wrongRegion.status == 1)
            #expect(wrongRegion.errors.contains("region 'RegionNine' is not a region of cloud 'mycloud'; its regions are RegionOne, RegionTwo"))
        }
    }

    @Test func incompleteOrWrongSelectionsSayWhatToFix() async throws {
        let sandbox = try Sandbox(clouds: Self.cloudsYAML(URL(string: "http://127.0.0.1:9/v3")!))
        let noPassword = try await sandbox.run([], environment: ["OS_CLOUD": "mycloud"])
        #expect(noPassword.status == 1)
        #expect(noPassword.output.contains("a password is needed but not set"), "\(noPassword.output)")
        let unknown = try await sandbox.run(["--os-cloud", "prod"])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("cloud 'prod' is not in \(sandbox.root.path)/clouds.yaml (it has: mycloud)"), "\(unknown.errors)")
        #expect(unknown.errors.split(separator: "\n").count == 1)
    }

    @Test func severalCloudsAreCheckedAndServedByName() async throws {
        try await withDemoCloud { first, _ in
            try await withDemoCloud(DemoCloudConfiguration(servers: 10, seed: 7)) { second, _ in
                let clouds = Self.cloudsYAML(await first.authURL, name: "one", password: DemoCloud.adminPassword) + """

                  two:
                    auth_type: v3applicationcredential
                    auth:
                      auth_url: \(await second.authURL.absoluteString)
                      application_credential_id: \(DemoCloud.applicationCredentialID)
                      application_credential_secret: \(DemoCloud.applicationCredentialSecret)
                """
                let sandbox = try Sandbox(clouds: clouds)
                let check = try await sandbox.run(["--os-cloud", "all"], environment: ["OS_PASSWORD": "ignored-here"])
                #expect(check.status == 0, "\(check.output)\n\(check.errors)")
                #expect(check.output.contains("cloud 'one'") && check.output.contains("cloud 'two'"))
                #expect(check.output.contains("OS_* variables are not applied"))
                #expect(check.output.contains("all 2 clouds are ready"))

                let port = try PlainHTTP.freePort()
                let server = try BinaryProcess(
                    ["--os-cloud", "one", "--os-cloud", "two", "--port", String(port)],
                    environment: ["HOME": sandbox.root.path], currentDirectory: sandbox.root)
                defer { server.terminate() }
                // The start-up lines may come in either order.
                #expect(
                    await server.waitFor { _, err in err.contains("listening on") && err.contains("clouds: one, two") },
                    "\(server.errorOutput)")
                let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
                let listed = try await client.call("get_clouds")
                #expect(listed.items.map { $0["name"]?.stringValue } == ["one", "two"])
                let fromTwo = try await client.call("get_instances", ["cloud": "two", "all_projects": true, "limit": 100])
                #expect(Set(fromTwo.items.compactMap { $0["id"]?.stringValue }) == Set(second.data.servers.map(\.id)))
            }
        }
    }

    @Test func theDemoCloudsPassTheCheck() async throws {
        let run = try await Sandbox().run(["--demo"])
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        #expect(run.output.contains("cloud 'demo'") && run.output.contains("cloud 'demo2'"))
        #expect(run.output.contains("auth_type") && run.output.contains("v3applicationcredential"))
        #expect(!run.output.contains(DemoCloud.applicationCredentialSecret))
    }
}
