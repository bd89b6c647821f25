import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Real faults on the wire from the demo cloud, each checked on the answer and on the demo
/// cloud's request log: how many GETs it saw, with which outcome, and nothing extra.
@Suite(.serialized) struct UpstreamFaultTests {
    static let servers = "/compute/v2.1/servers/detail"
    static let quick = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(5), totalTimeout: .seconds(8))

    /// The GETs the demo cloud saw under `prefix`, with their statuses (0: no answer sent).
    static func statuses(_ cloud: DemoCloud, _ prefix: String) -> [Int] {
        cloud.requests().filter { $0.method == "GET" && $0.path.hasPrefix(prefix) }.map(\.status)
    }

    /// Runs `body` after one warm-up call, so endpoints and the token are already known.
    static func warm(
        http: HTTPSettings = quick, callTimeout: Duration = .seconds(120), computeMaxLimit: Int = 1000,
        _ body: @Sendable @escaping (ServerHarness, MCPTestClient) async throws -> Void
    ) async throws {
        try await ServerHarness.run(http: http, computeMaxLimit: computeMaxLimit, callTimeout: callTimeout) { harness in
            let client = harness.client()
            #expect(try await client.call("get_instances", ["limit": 1]).isError == false)
            harness.cloud.resetRequestLog()
            try await body(harness, client)
        }
    }

    /// The paths and statuses a call makes with no fault, to compare a faulty run against.
    static func baseline(_ harness: ServerHarness, _ client: MCPTestClient, _ tool: String, _ arguments: JSONValue)
        async throws -> [String]
    {
        harness.cloud.resetRequestLog()
        _ = try await client.call(tool, arguments)
        defer { harness.cloud.resetRequestLog() }
        return harness.cloud.requests().map { "\($0.method) \($0.path) \($0.status)" }
    }

    static func log(_ cloud: DemoCloud) -> [String] { cloud.requests().map { "\($0.method) \($0.path) \($0.status)" } }

    static func plain(_ text: String) {
        for inner in ["HTTPClientError", "descriptor", "(error set)", "NIO", "IOError"] {
            #expect(!text.contains(inner), "client internals leak: \(text)")
        }
    }

    @Test func oneResetOrCloseIsRetriedOnceOnAFreshConnection() async throws {
        try await Self.warm { harness, client in
            let arguments: JSONValue = ["limit": 5, "all_projects": true]
            let clean = try await Self.baseline(harness, client, "get_instances", arguments)
            for fault in [Fault.reset, .close] {
                harness.cloud.setFault(fault, forPathPrefix: Self.servers, times: 1)
                let result = try await client.call("get_instances", arguments)
                #expect(!result.isError && result.items.count == 5, "\(fault): \(result.text.prefix(300))")
                #expect(Self.statuses(harness.cloud, Self.servers) == [0, 200], "\(fault): one failed GET, one retry")
                #expect(Self.log(harness.cloud) == ["GET \(Self.servers) 0"] + clean, "\(fault): nothing else extra")
                harness.cloud.resetRequestLog()
            }
        }
    }

    @Test func aResetThatPersistsIsRetriedOnlyOnceAndSaysSo() async throws {
        try await Self.warm { harness, client in
            harness.cloud.setFault(.reset, forPathPrefix: Self.servers)
            let result = try await client.call("get_instances", ["limit": 5])
            #expect(result.isError)
            #expect(result.text.contains("the connection was reset by the service before it answered"), "\(result.text)")
            #expect(!result.text.contains("could not connect"))
            Self.plain(result.text)
            #expect(Self.statuses(harness.cloud, "/") == [0, 0])
        }
    }

    @Test func aResetInTheMiddleOfABodyIsNotResent() async throws {
        try await Self.warm { harness, client in
            harness.cloud.setFault(.resetMidBody, forPathPrefix: Self.servers, times: 1)
            let result = try await client.call("get_instances", ["limit": 5])
            #expect(result.isError)
            #expect(result.text.contains("in the middle of its answer"), "\(result.text)")
            Self.plain(result.text)
            #expect(Self.statuses(harness.cloud, "/") == [200], "the head had arrived: no second GET")
            #expect(try await client.call("get_instances", ["limit": 5]).items.count == 5, "the next call works")
        }
    }

    @Test func aHangDuringVersionDiscoveryEndsAtTheDeadline() async throws {
        let http = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(2), totalTimeout: .seconds(2))
        try await ServerHarness.run(http: http) { harness in
            let client = harness.client()
            _ = try await client.call("get_flavors", ["limit": 1])  // the token only; Nova's discovery is separate
            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.hang, forExactPath: "/network/v2.0/")
            harness.cloud.setFault(.hang, forExactPath: "/network/")
            let started = ContinuousClock.now
            let result = try await client.call("get_networks", ["limit": 3])
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(result.isError && result.text.contains("Neutron"), "\(result.text)")
            #expect(result.text.contains("2 s"), "names the deadline: \(result.text)")
            Self.plain(result.text)
            let seen = harness.cloud.requests().filter { $0.path.hasPrefix("/network") }
            #expect(seen.count == 1 && seen[0].status == 0, "one discovery GET, not retried: \(seen.map(\.path))")
            #expect(!seen.contains { $0.path.hasPrefix("/network/v2.0/networks") })
            harness.cloud.clearFaults()
            #expect(try await client.call("get_networks", ["limit": 3]).items.count == 3, "discovery is tried again")
        }
    }

    @Test func a401InTheMiddleOfPagingReauthenticatesOnceAndResumes() async throws {
        try await Self.warm(computeMaxLimit: 10) { harness, client in
            harness.cloud.setFault(.status(401), forPathPrefix: Self.servers, skip: 1, times: 1)
            let result = try await client.call("get_instances", ["limit": 30, "all_projects": true])
            #expect(!result.isError && result.items.count == 30, "\(result.text.prefix(300))")
            #expect(Self.statuses(harness.cloud, Self.servers) == [200, 401, 200, 200])
            #expect(harness.cloud.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") == 1)
            let ids = result.items.compactMap { $0["id"]?.stringValue }
            #expect(Set(ids).count == 30, "no page twice, none skipped")
        }
    }

    @Test func a503StormIsRetriedWithinLimitsThenReported() async throws {
        try await Self.warm { harness, client in
            let clean = try await Self.baseline(harness, client, "get_instances", ["limit": 2])
            harness.cloud.setFault(.status(503), forPathPrefix: Self.servers, times: 2)
            let recovered = try await client.call("get_instances", ["limit": 2])
            #expect(!recovered.isError && Self.statuses(harness.cloud, Self.servers) == [503, 503, 200])
            #expect(Self.log(harness.cloud) == ["GET \(Self.servers) 503", "GET \(Self.servers) 503"] + clean)
            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.status(503), forPathPrefix: Self.servers)
            let result = try await client.call("get_instances", ["limit": 2])
            #expect(result.isError && result.text.contains("HTTP 503") && result.text.contains("request id req-"), "\(result.text)")
            #expect(Self.log(harness.cloud) == Array(repeating: "GET \(Self.servers) 503", count: 3), "two retries, then the error")
        }
    }

    @Test func aSlowBodyFinishesWithinTheBudgetAndIsCutBeyondIt() async throws {
        try await Self.warm(callTimeout: .seconds(2)) { harness, client in
            harness.cloud.setFault(.slowBody(chunkMilliseconds: 50), forPathPrefix: Self.servers)
            let slow = try await client.call("get_instances", ["limit": 3])
            #expect(!slow.isError && slow.items.count == 3, "\(slow.text.prefix(200))")
            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.slowBody(chunkMilliseconds: 400), forPathPrefix: Self.servers)
            let started = ContinuousClock.now
            let cut = try await client.call("get_instances", ["limit": 3])
            // A guard against a hang only: the text below proves the 2-s budget ended it.
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(cut.isError && cut.text.contains("ran out of its budget of 2 s (--call-timeout)"), "\(cut.text)")
            #expect(cut.text.contains("Not finished: Nova GET \(Self.servers)"), "\(cut.text)")
            Self.plain(cut.text)
            #expect(Self.statuses(harness.cloud, Self.servers).count == 1, "a body in progress is not sent again")
        }
    }
}
