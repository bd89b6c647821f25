import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Several clouds in one server: each caller names its cloud, gets that cloud's data, and no
/// caller can change what another sees. Each cloud keeps its own token.
@Suite(.serialized) struct MultiCloudTests {
    static let specs: [MultiCloudHarness.Spec] = [
        .init(name: "demo", demo: .init(servers: 48, seed: 42)),
        .init(name: "demo2", demo: .init(servers: 24, seed: 4242)) { url in
            var settings = CloudSettings()
            settings.authURL = url.absoluteString
            settings.applicationCredentialID = DemoCloud.applicationCredentialID
            settings.applicationCredentialSecret = DemoCloud.applicationCredentialSecret
            return settings
        },
    ]

    @Test func twoClientsOnTwoCloudsConcurrentlyEachGetTheirOwnData() async throws {
        try await MultiCloudHarness.run(Self.specs) { harness in
            let expected = harness.demos.map { Set($0.data.servers.map(\.id)) }
            #expect(expected[0].isDisjoint(with: expected[1]), "different seeds give different servers")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, name) in ["demo", "demo2"].enumerated() {
                    group.addTask {
                        let client = harness.client()
                        for round in 0..<8 {
                            let result = try await client.call(
                                "get_instances",
                                ["cloud": .string(name), "all_projects": true, "limit": 1000, "detail_level": "basic"])
                            #expect(!result.isError, "\(name) round \(round): \(result.text)")
                            #expect(result.structured["cloud"]?.stringValue == name)
                            let ids = Set(result.items.compactMap { $0["id"]?.stringValue })
                            #expect(ids == expected[index], "\(name) round \(round) got another cloud's servers")
                        }
                    }
                }
                try await group.waitForAll()
            }
            for demo in harness.demos {
                #expect(demo.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") == 1, "one token per cloud")
            }
            // Without a cloud argument, the first cloud answers.
            let plain = try await harness.client().call("get_images", ["limit": 1])
            #expect(plain.structured["cloud"]?.stringValue == "demo")
        }
    }

    @Test func getCloudsListsEveryCloudWithoutSecrets() async throws {
        try await MultiCloudHarness.run(Self.specs) { harness in
            let client = harness.client()
            let result = try await client.call("get_clouds")
            #expect(!result.isError, "\(result.text)")
            #expect(result.structured["default_cloud"]?.stringValue == "demo")
            let rows = result.items
            #expect(rows.map { $0["name"]?.stringValue } == ["demo", "demo2"])
            #expect(rows.map { $0["auth_type"]?.stringValue } == ["password", "v3applicationcredential"])
            for (row, demo) in zip(rows, harness.demos) {
                let url = await demo.authURL
                #expect(row["auth_url_host"]?.stringValue == "\(url.host!):\(url.port!)")
                #expect(row["regions"] == ["RegionOne", "RegionTwo"])
                #expect(row["region"]?.stringValue == "RegionOne")
            }
            for secret in [DemoCloud.adminPassword, DemoCloud.applicationCredentialSecret, "gAAAA"] {
                #expect(!result.text.contains(secret), "get_clouds shows a secret")
            }
            let one = try await client.call("get_clouds", ["cloud": "demo2"])
            #expect(one.items.count == 1)

            let unknown = try await client.call("get_instances", ["cloud": "prod"])
            #expect(unknown.isError)
            #expect(unknown.text.contains("unknown cloud 'prod'; allowed: demo, demo2"))
        }
    }

    @Test func aCloudThatFailsOnlyAffectsItsOwnCalls() async throws {
        var specs = Self.specs
        specs[1].settings = { url in
            var settings = CloudSettings()
            settings.authURL = url.absoluteString
            settings.applicationCredentialID = DemoCloud.applicationCredentialID
            settings.applicationCredentialSecret = "revoked"
            return settings
        }
        try await MultiCloudHarness.run(specs) { harness in
            let client = harness.client()
            let broken = try await client.call("get_instances", ["cloud": "demo2"])
            #expect(broken.isError)
            #expect(broken.text.contains("Keystone") && broken.text.contains("401"), "\(broken.text)")
            let fine = try await client.call("get_instances", ["cloud": "demo", "limit": 2])
            #expect(!fine.isError && fine.items.count == 2)
            let clouds = try await client.call("get_clouds")
            #expect(clouds.items.map { $0["status"]?.stringValue } == ["ok", "error"])
            #expect(!clouds.text.contains("revoked"), "the failing secret is scrubbed from the error")
        }
    }
}
