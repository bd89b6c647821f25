@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Gnocchi and Aodh tools through MCP over HTTP: a server's instance resource and CPU measures,
/// the window and granularity `get_measures` picks to fit its budget, and the firing alarm.
@Suite(.serialized) struct TelemetryToolTests {
    @Test func aServersResourceMetricsAndMeasuresWithTheChosenGranularity() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let telemetry = TelemetryData(harness.cloud.data)
            let server = telemetry.hotServer
            let found = try await client.call("get_metric_resources", ["type": "instance", "server_id": .string(server.id)])
            #expect(found.items.count == 1 && found.items.first?["name"]?.stringValue == server.name, "\(found.text)")
            #expect(found.items.first?["metrics"]?.arrayValue?.compactMap(\.stringValue) == ["cpu_util", "memory.usage"])
            let every = try await client.call("get_metric_resources", ["type": "instance", "limit": 1000])
            #expect(every.items.count == harness.cloud.data.servers.count)
            let badType = try await client.call("get_metric_resources", ["type": "no_such_type"])
            #expect(badType.isError && badType.text.contains("no_such_type"), "\(badType.text)")

            let metrics = try await client.call("get_metrics", ["resource_id": .string(server.id), "name": "cpu_util"])
            let cpuID = try #require(metrics.items.first?["id"]?.stringValue, "\(metrics.text)")
            #expect(cpuID == telemetry.metrics.first { $0.resourceID == server.id && $0.name == "cpu_util" }?.id)

            // One hour: 60 one-minute points fit the budget of 500.
            let hour = try await client.call("get_measures", ["metric": "cpu_util", "resource_id": .string(server.id)])
            let item = try #require(hour.structured["item"], "\(hour.text)")
            #expect(item["granularity_seconds"]?.intValue == 60, "\(hour.text)")
            #expect(item["aggregation"]?.stringValue == "mean")
            let points = item["point_count"]?.intValue ?? 0
            #expect((59...61).contains(points), "\(hour.text)")
            #expect((item["summary"]?["min"]?.doubleValue ?? 0) > 80, "the alarm's server runs hot: \(hour.text)")
            // Three days at one minute would be 4,320 points, over the budget: hourly it is.
            let stop = Date()
            let days = try await client.call("get_measures", [
                "metric": .string(cpuID), "start": .string(ISODate.format(stop.addingTimeInterval(-3 * 86_400))),
                "stop": .string(ISODate.format(stop)), "aggregation": "max",
            ])
            let wide = try #require(days.structured["item"], "\(days.text)")
            #expect(wide["granularity_seconds"]?.intValue == 3600, "\(days.text)")
            #expect(wide["chosen_because"]?.stringValue?.contains("over the budget of 500") == true, "\(days.text)")
            #expect((71...73).contains(wide["point_count"]?.intValue ?? 0), "\(days.text)")
            // Asked for one-minute points over a day with a budget of 100: the window shrinks and says so.
            let capped = try await client.call("get_measures", [
                "metric": .string(cpuID), "granularity": 60, "max_points": 100,
                "start": .string(ISODate.format(stop.addingTimeInterval(-86_400 + 600))), "stop": .string(ISODate.format(stop)),
            ])
            let short = try #require(capped.structured["item"], "\(capped.text)")
            #expect((99...100).contains(short["point_count"]?.intValue ?? 0), "\(capped.text)")
            #expect(short["chosen_because"]?.stringValue?.contains("shortened") == true)
            let badGranularity = try await client.call("get_measures", ["metric": .string(cpuID), "granularity": 7])
            #expect(badGranularity.isError && badGranularity.text.contains("keeps only 60, 3600 seconds"), "\(badGranularity.text)")
            let badAggregation = try await client.call("get_measures", ["metric": .string(cpuID), "aggregation": "p99"])
            #expect(badAggregation.isError && badAggregation.text.contains("mean"), "\(badAggregation.text)")
            let byNameWithout = try await client.call("get_measures", ["metric": "cpu_util"])
            #expect(byNameWithout.isError && byNameWithout.text.contains("resource_id"), "\(byNameWithout.text)")

            let policies = try await client.call("get_archive_policies")
            let medium = policies.items.first { $0["name"]?.stringValue == "medium" }
            // Gnocchi's own `medium`: a minute for 7 days, an hour for 365.
            #expect(medium?["archives"]?.arrayValue?.compactMap { $0["granularity"]?.stringValue } == ["1 min", "1 h"], "\(policies.text)")
            #expect(medium?["archives"]?.arrayValue?.compactMap { $0["timespan"]?.stringValue } == ["7 days", "365 days"], "\(policies.text)")
            #expect(policies.items.compactMap { $0["name"]?.stringValue } == ["bool", "high", "low", "medium"], "\(policies.text)")
        }
    }

    /// Gnocchi's lists take no `filter` and its metric list no `resource_id` (the simulator
    /// ignores them as Gnocchi 4.7 does): one resource is read by its ID, its metrics from it.
    @Test func oneServersResourceAndMetricsAreReadFromTheResource() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let telemetry = TelemetryData(harness.cloud.data)
            let server = telemetry.hotServer
            let byOriginal = try await client.call("get_metric_resources", ["type": "instance", "original_resource_id": .string(server.id)])
            #expect(byOriginal.items.compactMap { $0["id"]?.stringValue } == [server.id], "\(byOriginal.text)")
            let unknown = "00000000-0000-4000-8000-00000000beef"
            let none = try await client.call("get_metric_resources", ["type": "instance", "server_id": .string(unknown)])
            #expect(none.isError && none.text.contains(unknown) && none.text.contains("no instance resource"), "\(none.text)")

            let metrics = try await client.call("get_metrics", ["resource_id": .string(server.id)])
            #expect(metrics.items.compactMap { $0["resource_id"]?.stringValue } == [server.id, server.id], "\(metrics.text)")
            #expect(Set(metrics.items.compactMap { $0["name"]?.stringValue }) == ["cpu_util", "memory.usage"])
            let byUnit = try await client.call("get_metrics", ["resource_id": .string(server.id), "unit": "MB"])
            #expect(byUnit.items.compactMap { $0["name"]?.stringValue } == ["memory.usage"], "\(byUnit.text)")
            let noResource = try await client.call("get_metrics", ["resource_id": .string(unknown)])
            #expect(noResource.isError && noResource.text.contains("no resource '\(unknown)'"), "\(noResource.text)")
            // Without resource_id the list is every visible metric.
            let all = try await client.call("get_metrics", ["limit": 1000])
            #expect(all.items.count == telemetry.metrics.count, "\(all.text.prefix(300))")
        }
    }

    @Test func theFiringAlarmAndItsHistory() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let telemetry = TelemetryData(harness.cloud.data)
            let all = try await client.call("get_alarms")
            #expect(all.items.count == telemetry.alarms.count, "\(all.text)")
            let firing = try await client.call("get_alarms", ["state": "alarm"])
            #expect(firing.items.count == 1, "\(firing.text)")
            let alarm = try #require(firing.items.first)
            #expect(alarm["name"]?.stringValue == "\(telemetry.hotServer.name)-cpu-high")
            #expect(alarm["severity"]?.stringValue == "critical" && alarm["enabled"]?.boolValue == true)
            #expect(alarm["rule"]?.stringValue == "mean(cpu_util) > 80.0 over 3×60s on instance \(telemetry.hotServer.id)", "\(firing.text)")
            #expect(alarm["state_reason"]?.stringValue?.contains("outside threshold") == true)
            let disabled = try await client.call("get_alarms", ["state": "insufficient data"])
            #expect(disabled.items.first?["enabled"]?.boolValue == false)
            let badState = try await client.call("get_alarms", ["state": "firing"])
            #expect(badState.isError, "\(badState.text)")

            let history = try await client.call("get_alarm_history", ["alarm": .string(alarm["name"]?.stringValue ?? "")])
            let states = history.items.compactMap { $0["state"]?.stringValue }
            #expect(states == ["alarm", "ok", "alarm", "ok"], "newest first: \(history.text)")
            #expect(history.items.last?["type"]?.stringValue == "creation")
            let byID = try await client.call("get_alarm_history", ["alarm": .string(alarm["id"]?.stringValue ?? "")])
            #expect(byID.items.count == history.items.count)
            let missing = try await client.call("get_alarm_history", ["alarm": "no-such-alarm"])
            #expect(missing.isError && missing.text.contains("get_alarms"), "\(missing.text)")
        }
    }
}
