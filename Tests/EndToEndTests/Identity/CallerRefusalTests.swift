import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `--identity caller`: every way a caller's identity fails gets an answer that says what to do.
@Suite(.serialized) struct CallerRefusalTests {
    static let list = #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#

    @Test(.timeLimit(.minutes(3))) func aRequestWithoutIdentityNamesBothWays() async throws {
        try await CallerHarness.run { harness in
            let none = try await harness.client([]).send(body: Self.list)
            #expect(none.status == 401)
            let challenge = none.headers.first(name: "WWW-Authenticate") ?? ""
            #expect(challenge.contains("Bearer resource_metadata=") && challenge.contains("OpenStack-Application-Credential realm="), "\(challenge)")
            #expect(none.body.contains("X-OpenStack-Application-Credential-ID") && none.body.contains("OAuth access token"), "\(none.body)")

            let half = try await harness.client([CallerHarness.adminCredential[0]]).send(body: Self.list)
            #expect(half.status == 401 && half.body.contains("needs both"), "\(half.body)")

            let expired = try await harness.client(try await harness.oauth(DemoCloud.memberUser, kind: "expired")).send(body: Self.list)
            #expect(expired.status == 401 && (expired.headers.first(name: "WWW-Authenticate") ?? "").contains("invalid_token"))

            let stranger = try await harness.client(try await harness.oauth("nobody@example.com")).send(body: Self.list)
            #expect(stranger.status == 401 && stranger.body.contains("get a new access token"), "\(stranger.body)")
            // Nothing reached a service without a caller's token.
            let services = harness.server.cloud.requests().filter { !$0.path.hasPrefix("/identity/") }
            #expect(services.isEmpty, "\(services.map(\.path))")
        }
    }

    @Test(.timeLimit(.minutes(3))) func aFederatedCallerWithSeveralProjectsNamesOne() async throws {
        try await CallerHarness.run { harness in
            // The demo admin has roles on projects admin and demo.
            let unnamed = try await harness.client(try await harness.oauth(DemoCloud.adminUser)).send(body: Self.list)
            #expect(unnamed.status == 403 && unnamed.body.contains("X-OpenStack-Project") && unnamed.body.contains("admin, demo"), "\(unnamed.body)")
            let wrong = try await harness.client(try await harness.oauth(DemoCloud.adminUser, project: DemoCloud.altProject)).send(body: Self.list)
            #expect(wrong.status == 403 && wrong.body.contains("'alt'"), "\(wrong.body)")
            let named = harness.client(try await harness.oauth(DemoCloud.adminUser, project: DemoCloud.memberProject))
            let result = try await named.call("get_networks", ["limit": 1])
            #expect(!result.isError, "\(result.text.prefix(300))")
            let scoped = harness.server.cloud.requests().filter { $0.path.hasPrefix("/network/") }
            #expect(!scoped.isEmpty && scoped.allSatisfy { $0.tokenUser == DemoCloud.adminUser && $0.tokenProject == DemoCloud.memberProject })

            let credential = try await harness.client(CallerHarness.adminCredential + [("X-OpenStack-Project", DemoCloud.memberProject)])
                .send(body: Self.list)
            #expect(credential.status == 403 && credential.body.contains("reads project admin"), "\(credential.body)")
        }
    }

    @Test(.timeLimit(.minutes(3))) func aWrongSecretNeverFindsAnotherCallersToken() async throws {
        try await CallerHarness.run { harness in
            let good = try await harness.client(CallerHarness.memberCredential).call("get_instances", ["limit": 1])
            #expect(!good.isError)
            let forged = [CallerHarness.memberCredential[0], ("X-OpenStack-Application-Credential-Secret", "guessed")]
            let response = try await harness.client(forged).send(body: Self.list)
            #expect(response.status == 401, "\(response.body)")
            #expect((response.headers.first(name: "WWW-Authenticate") ?? "").contains("invalid_credential"))
            #expect(!response.body.contains("guessed") && !response.body.contains(DemoCanaries.memberApplicationCredentialSecret))
        }
    }

    @Test(.timeLimit(.minutes(3))) func aDeletedCredentialStopsWorking() async throws {
        try await CallerHarness.run { harness in
            let member = harness.client(CallerHarness.memberCredential)
            #expect(!(try await member.call("get_instances", ["limit": 1])).isError)
            harness.server.cloud.revokeApplicationCredential(DemoCloud.memberApplicationCredentialID)
            // The cached token is refused upstream; the new one is refused by Keystone: this call fails...
            let next = try await member.send(body: #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_instances","arguments":{"limit":1}}}"#)
            #expect(next.status == 401 || next.message?["result"]?["isError"]?.boolValue == true, "\(next.body.prefix(300))")
            // ...and every later request is refused at once, naming what to renew.
            let later = try await member.send(body: Self.list)
            #expect(later.status == 401 && later.body.contains("create a new one"), "\(later.body)")
        }
    }

    @Test(.timeLimit(.minutes(3))) func keystoneDownIs503() async throws {
        try await CallerHarness.run { harness in
            harness.server.cloud.setFault(.status(503), forExactPath: "/identity/v3/auth/tokens")
            let response = try await harness.client(CallerHarness.adminCredential).send(body: Self.list)
            #expect(response.status == 503 && response.headers.first(name: "Retry-After") != nil, "\(response.status) \(response.body)")
            #expect(response.body.contains("retry"))
            harness.server.cloud.clearFaults()
            let again = try await harness.client(CallerHarness.adminCredential).send(body: Self.list)
            #expect(again.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3))) func oneCallerOverTheCapIsBusyAndOthersAreServed() async throws {
        try await CallerHarness.run(maxCalls: 1) { harness in
            harness.server.cloud.setFault(.latency(milliseconds: 1500), forPathPrefix: "/compute/v2.1/servers")
            let member = harness.client(CallerHarness.memberCredential)
            let other = harness.client(CallerHarness.adminCredential)
            // Authenticate both first, so that the calls below overlap on the slow path only.
            _ = try await member.listTools()
            _ = try await other.listTools()
            async let first = member.call("get_instances", ["limit": 1])
            try await Task.sleep(for: .milliseconds(400))
            async let second = harness.client(CallerHarness.memberCredential).call("get_instances", ["limit": 1])
            async let third = other.call("get_instances", ["limit": 1])
            let (a, b, c) = try await (first, second, third)
            #expect(!a.isError && !c.isError, "\(a.text.prefix(200)) \(c.text.prefix(200))")
            #expect(b.isError && b.text.contains("Busy") && b.text.contains("--caller-max-calls"), "\(b.text)")
        }
    }
}

/// The callers' token cache is bounded: over its size the least recently seen caller is dropped
/// and authenticates again on their next request.
@Suite(.serialized) struct CallerCacheTests {
    static func tokenRequests(cacheSize: Int) async throws -> Int {
        try await CallerHarness.run(cacheSize: cacheSize) { harness in
            for headers in [CallerHarness.adminCredential, CallerHarness.memberCredential, CallerHarness.adminCredential] {
                let response = try await harness.client(headers).send(body: CallerRefusalTests.list)
                #expect(response.status == 200)
            }
            return harness.server.cloud.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens")
        }
    }

    @Test(.timeLimit(.minutes(3))) func theLeastRecentlySeenCallerIsDroppedFirst() async throws {
        #expect(try await Self.tokenRequests(cacheSize: 2) == 2, "both callers stay")
        #expect(try await Self.tokenRequests(cacheSize: 1) == 3, "the admin was dropped for the member, and came back")
    }

    @Test(.timeLimit(.minutes(3))) func madeUpCredentialsPushNoRealCallerOut() async throws {
        try await CallerHarness.run(cacheSize: 1) { harness in
            let first = try await harness.client(CallerHarness.adminCredential).send(body: CallerRefusalTests.list)
            #expect(first.status == 200)
            for index in 0..<3 {
                let forged = [("X-OpenStack-Application-Credential-ID", "made-up-\(index)"), ("X-OpenStack-Application-Credential-Secret", "x")]
                let refused = try await harness.client(forged).send(body: CallerRefusalTests.list)
                #expect(refused.status == 401)
            }
            let again = try await harness.client(CallerHarness.adminCredential).send(body: CallerRefusalTests.list)
            #expect(again.status == 200)
            // One login for the admin, kept through the three refused ones.
            #expect(harness.server.cloud.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") == 4)
        }
    }
}
