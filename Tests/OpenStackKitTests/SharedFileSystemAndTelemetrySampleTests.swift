import Foundation
import Testing

@testable import OpenStackKit

/// Manila's api-ref samples decode into our models; Gnocchi and Aodh ship no response samples
/// (their docs are generated at build time), so their parsing and the measures planner are
/// checked on the shapes their APIs document.
@Suite struct SharedFileSystemAndTelemetrySampleTests {
    typealias Samples = SampleDecodingTests

    static func decode<R: OpenStackResource>(_ type: R.Type, _ name: String) throws -> [R] {
        try Samples.decodeAny(R.self, Samples.root.appendingPathComponent("manila/\(name).json"))
    }

    @Test func everyManilaSampleDecodes() throws {
        let shares = try Self.decode(Share.self, "shares-list-detailed-response") + Self.decode(Share.self, "share-show-response")
        #expect(shares.count == 3 && shares.allSatisfy { $0.shareProto == "NFS" && $0.size == 1 && $0.shareNetworkID != nil })
        #expect(shares.map(\.status).contains("error"))
        let exports = try Self.decode(ShareExportLocation.self, "export-location-list-response")
        #expect(exports.map(\.isAdminOnly) == [false, true] && exports[0].path.hasPrefix("10.254.0.3:/shares/"))
        let rules = try Self.decode(ShareAccessRule.self, "share-access-rules-list-response")
        #expect(rules.map(\.accessType) == ["cert", "ip"] && rules.map(\.state) == ["error", "active"])
        let legacy = try Self.decode(ShareNetwork.self, "share-networks-list-detailed-response") + Self.decode(ShareNetwork.self, "share-network-show-response")
        #expect(legacy.first?.subnets.first?.neutronNetID == "998b42ee-2cee-4d36-8b95-67b5ca1f2109")
        let withSubnets = try Self.decode(ShareNetwork.self, "share-networks-list-detailed-response-with-subnets")
        #expect(withSubnets.map(\.subnets.count) == [1, 2])
        #expect(try Self.decode(ShareNetwork.self, "share-network-show-response-with-subnets").count == 1)
        let snapshots = try Self.decode(ShareSnapshot.self, "snapshots-list-detailed-response")
        #expect(snapshots.map(\.name) == ["snapshot_My_share", "snapshot_share1"] && snapshots.allSatisfy { $0.shareID != nil })
        let types = try Self.decode(ShareType.self, "share-types-list-response")
        #expect(types.map(\.name) == ["default", "testing"] && types.allSatisfy { $0.requiredExtraSpecs["driver_handles_share_servers"] == "True" })
        let pools = try Self.decode(SharePool.self, "pools-list-detailed-response")
        #expect(pools.count == 4 && pools.allSatisfy { $0.totalCapacityGB == 1230 } && pools[0].backend == "alpha")
        let servers = try Self.decode(ShareServer.self, "share-servers-list-response")
        #expect(servers.first?.shareNetworkName == "net_my" && servers.first?.host == "manila2@generic1")
        let limits = try ShareLimits.show(from: Samples.load(Samples.root.appendingPathComponent("manila/limits-response.json")))
        #expect(ShareLimits.resources.allSatisfy { limits.absolute[$0.limitKey] != nil && limits.absolute[$0.usedKey] != nil })
    }

    @Test func archivePoliciesReadTimedeltasAndNumbers() throws {
        #expect(ArchivePolicy.seconds("0:05:00") == 300)
        #expect(ArchivePolicy.seconds("1 day, 0:00:00") == 86_400)
        #expect(ArchivePolicy.seconds("365 days, 0:00:00").map(Int.init) == 365 * 86_400)
        #expect(ArchivePolicy.seconds(.int(60)) == 60)
        #expect(ArchivePolicy.seconds("soon") == nil)
        let policy = try ArchivePolicy(json: [
            "name": "medium", "back_window": 0, "aggregation_methods": ["mean", "max"],
            "definition": [
                ["granularity": "1:00:00", "points": 168, "timespan": "7 days, 0:00:00"],
                ["granularity": "0:01:00", "points": 1440, "timespan": "1 day, 0:00:00"],
            ],
        ])
        #expect(policy.archives.map(\.granularity) == [60, 3600], "finest first")
        #expect(policy.archives.map(\.timespan) == [86_400, 7 * 86_400])
    }

    @Test func theMeasuresPlanFitsTheBudgetAndSaysWhy() throws {
        let archives = [
            ArchivePolicy.Archive(granularity: 60, points: 1440, timespan: 86_400),
            ArchivePolicy.Archive(granularity: 3600, points: 168, timespan: 7 * 86_400),
            ArchivePolicy.Archive(granularity: 86_400, points: 365, timespan: 365 * 86_400),
        ]
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func plan(hours: Double, max: Int = 500, wanted: Double? = nil) throws -> MeasureWindow {
            try MeasureWindow.plan(
                archives: archives, start: now.addingTimeInterval(-hours * 3600), stop: now, now: now, maxPoints: max, wanted: wanted
            ).get()
        }
        #expect(try plan(hours: 1).granularity == 60)
        #expect(try plan(hours: 8).granularity == 60, "480 points fit")
        let day = try plan(hours: 24)
        #expect(day.granularity == 3600 && day.reason.contains("1440 points"), "\(day.reason)")
        #expect(try plan(hours: 24 * 30).granularity == 86_400, "hourly is kept a week only")
        let capped = try plan(hours: 24, wanted: 60)
        #expect(capped.granularity == 60 && capped.start == now.addingTimeInterval(-500 * 60) && capped.reason.contains("shortened"))
        let shortened = try plan(hours: 24 * 365 * 3, max: 100)
        #expect(shortened.granularity == 86_400 && shortened.start == now.addingTimeInterval(-100 * 86_400))
        #expect(throws: MeasureWindow.PlanError.unknownGranularity([60, 3600, 86_400])) {
            try MeasureWindow.plan(archives: archives, start: now.addingTimeInterval(-60), stop: now, now: now, maxPoints: 500, wanted: 7).get()
        }
        #expect(throws: MeasureWindow.PlanError.emptyWindow) {
            try MeasureWindow.plan(archives: archives, start: now, stop: now, now: now, maxPoints: 500, wanted: nil).get()
        }
    }

    @Test func anAlarmsRuleReadsInOneLineAndItsHistoryDetailIsParsed() throws {
        let alarm = try Alarm(json: [
            "alarm_id": "a1", "name": "cpu-high", "type": "gnocchi_resources_threshold", "state": "alarm", "enabled": true,
            "gnocchi_resources_threshold_rule": [
                "metric": "cpu", "aggregation_method": "rate:mean", "threshold": .double(8e9), "comparison_operator": "ge",
                "granularity": 300, "evaluation_periods": 2, "resource_type": "instance", "resource_id": "s1",
            ],
        ])
        #expect(alarm.ruleSummary == "rate:mean(cpu) >= 8000000000.0 over 2×300s on instance s1")
        let change = try AlarmChange(json: [
            "event_id": "e1", "type": "state transition", "timestamp": "2026-01-15T10:00:00.000000",
            "detail": "{\"state\": \"alarm\", \"transition_reason\": \"Transition to alarm due to 2 samples outside threshold\"}",
        ])
        #expect(change.newState == "alarm" && change.reason?.hasPrefix("Transition to alarm") == true)
    }
}
