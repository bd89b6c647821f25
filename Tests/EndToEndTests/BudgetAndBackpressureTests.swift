import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `--call-timeout` over all the requests of one call, and `--max-upstream-concurrency` per cloud.
@Suite(.serialized) struct BudgetAndBackpressureTests {
    static let http = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(20), totalTimeout: .seconds(30))

    @Test func aCrossServiceToolCutShortReturnsWhatItHasMarkedPartial() async throws {
        // 8 s sits well apart from the 20-s read deadline, and leaves room for a whole cloud_overview
        // (15 GETs) while the parallel suites load the machine: a 4-s budget cut it short in CI.
        try await ServerHarness.run(http: Self.http, callTimeout: .seconds(8)) { harness in
            let client = harness.client()
            // The token and each service's version discovery, each in a call of its own budget.
            for tool in ["get_instances", "get_volumes", "get_network_agents", "get_resource_providers"] {
                _ = try await client.call(tool, ["limit": 1])
            }
            #expect(try await client.call("cloud_overview").structured["partial"] == nil, "a whole answer is not partial")
            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.hang, forPathPrefix: "/volume")
            let started = ContinuousClock.now
            let result = try await client.call("cloud_overview")
            // Below the 20-s read deadline: the 8-s budget ended it (the notes say so below).
            #expect(ContinuousClock.now - started < .seconds(18))
            #expect(!result.isError, "\(result.text.prefix(300))")
            #expect(result.structured["partial"]?.boolValue == true)
            let item = result.structured["item"]
            #expect(item?["servers"]?["total"]?.intValue == harness.cloud.data.servers.count, "the parts that finished are there")
            #expect(item?["volumes"] == nil && item?["volume_services"] == nil)
            let notes = result.structured["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(notes.contains { $0.hasPrefix("volume counts unavailable") && $0.contains("--call-timeout") }, "\(notes)")
            let hung = harness.cloud.requests().filter { $0.path.hasPrefix("/volume") }
            #expect(!hung.isEmpty && hung.allSatisfy { $0.status == 0 }, "the hung reads were never answered, and not repeated")
            harness.cloud.clearFaults()
        }
    }

    @Test func aListCutShortSaysWhatFinishedAndWhatDidNot() async throws {
        try await ServerHarness.run(http: Self.http, computeMaxLimit: 10, callTimeout: .seconds(2)) { harness in
            let client = harness.client()
            _ = try await client.call("get_instances", ["limit": 1])
            harness.cloud.resetRequestLog()
            // The first two pages answer, the third hangs.
            harness.cloud.setFault(.hang, forPathPrefix: "/compute/v2.1/servers/detail", skip: 2)
            let result = try await client.call("get_instances", ["limit": 40, "all_projects": true])
            #expect(result.isError)
            #expect(result.text.contains("get_instances ran out of its budget of 2 s (--call-timeout)"), "\(result.text)")
            #expect(result.text.contains("Finished: Nova GET /compute/v2.1/servers/detail ×2"), "\(result.text)")
            #expect(result.text.contains("Not finished: Nova GET /compute/v2.1/servers/detail."), "\(result.text)")
            #expect(harness.cloud.requests().map(\.status) == [200, 200, 0])
            harness.cloud.clearFaults()
        }
    }

    @Test func aCallThatCannotStartInItsBudgetIsToldTheCloudIsBusy() async throws {
        var http = Self.http
        http.maxConcurrentRequests = 1
        try await ServerHarness.run(http: http, callTimeout: .seconds(2)) { harness in
            let client = harness.client()
            _ = try await client.call("get_instances", ["limit": 1])
            _ = try await client.call("get_networks", ["limit": 1])
            harness.cloud.resetRequestLog()
            harness.cloud.setFault(.hang, forPathPrefix: "/compute/v2.1/servers/detail")
            // The one place is held by a request outside any tool call (its own 30 s deadline).
            let openstack = harness.openstack
            let holder = Task { try? await openstack.get(.compute, path: "/servers/detail") }
            try await Task.sleep(for: .milliseconds(300))
            #expect(harness.openstack.http.queueStats.inFlight == 1)
            let started = ContinuousClock.now
            let waited = try await client.call("get_networks", ["limit": 1])
            // Far below the holder's 30-s deadline: the call gave up at its own 2-s budget.
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(waited.isError && waited.text.contains("the cloud is busy; retry"), "\(waited.text)")
            #expect(!harness.cloud.requests().contains { $0.path.hasPrefix("/network") }, "the waiting call sent nothing")
            let stats = harness.openstack.http.queueStats
            #expect(stats.inFlight == 1 && stats.queued == 0 && stats.rejectedTotal == 1, "\(stats)")
            harness.cloud.clearFaults()
            _ = await holder.value
            #expect(harness.openstack.http.queueStats.inFlight == 0)
            #expect(try await client.call("get_networks", ["limit": 1]).isError == false)
        }
    }

    @Test func callsTakeTurnsForTheCloudsPlaces() async throws {
        var http = Self.http
        http.maxConcurrentRequests = 1
        try await ServerHarness.run(http: http) { harness in
            let client = harness.client()
            _ = try await client.call("cloud_overview")
            harness.cloud.setFault(.latency(milliseconds: 250), forPathPrefix: "/")
            // A call that fans out into a dozen concurrent reads, all waiting for the one place...
            let overviewDone = Flag()
            let overview = Task {
                defer { overviewDone.set() }
                return try await harness.client().call("cloud_overview")
            }
            try await Task.sleep(for: .milliseconds(400))
            #expect(harness.openstack.http.queueStats.queued >= 3, "\(harness.openstack.http.queueStats)")
            // ...does not make a small call wait for all of them: calls take turns, so the small
            // call ends while the fan-out (a dozen reads of 250 ms, one at a time) is still going.
            // An order, not a time: it holds however loaded the machine is.
            let small = try await harness.client().call("get_flavors", ["limit": 1])
            #expect(!small.isError)
            #expect(!overviewDone.isSet, "served in turn, not after the whole fan-out")
            let whole = try await overview.value
            #expect(!whole.isError && whole.structured["partial"] == nil)
            harness.cloud.clearFaults()
        }
    }
}

/// A one-way flag that a task sets when it ends.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
