import Foundation

/// The demo cloud's Gnocchi and Aodh data, derived from the seeded servers with a generator of
/// its own: an `instance` resource per server with `cpu_util` and `memory.usage` metrics under
/// the `medium` archive policy, measures computed from the seed and the time (so any window
/// reads the same values every run), and alarms on the busiest server, one of them firing.
struct TelemetryData: Sendable {
    struct Metric: Sendable {
        let id, name, unit, resourceID, projectID, userID: String
        /// Mean level and swing of the series, in the metric's unit.
        let base, swing: Double
        /// Only running servers report.
        let reporting: Bool
    }

    struct Resource: Sendable {
        let server: DemoServer
        let metrics: [Metric]
    }

    struct Policy: Sendable {
        let name: String
        let archives: [(granularity: Int, points: Int)]
        let methods: [String]
        var backWindow = 0
    }

    struct Alarm: Sendable {
        let id, name, state, severity, type, reason, projectID, userID: String
        let enabled: Bool
        let rule: JSON
        let stateTime: Date
        /// (time, type, detail) newest first, as Aodh lists them.
        let history: [(id: String, time: Date, type: String, detail: JSON)]
    }

    /// The archive policies `gnocchi-upgrade` creates (Gnocchi 4.7), by name; metrics use `medium`.
    static let policies = [
        Policy(name: "bool", archives: [(1, 31_536_000)], methods: ["last"], backWindow: 3600),
        Policy(name: "high", archives: [(1, 3600), (60, 10_080), (3600, 8760)], methods: defaultMethods),
        Policy(name: "low", archives: [(300, 8640)], methods: defaultMethods),
        medium,
    ]
    static let medium = Policy(name: "medium", archives: [(60, 10_080), (3600, 8760)], methods: defaultMethods)
    /// Gnocchi's `[archive_policy] default_aggregation_methods`.
    static let defaultMethods = ["mean", "min", "max", "sum", "std", "count"]

    let resources: [Resource]
    let alarms: [Alarm]

    init(_ data: DemoData) {
        var rng = SplitMix64(seed: data.seed ^ 0x474E_4F43_4348)
        var busiest: DemoServer?
        resources = data.servers.map { server in
            let running = server.status == "ACTIVE"
            let base = Double(10 + rng.int(50))
            if running, busiest == nil, server.name.hasPrefix("web") { busiest = server }
            return Resource(server: server, metrics: [
                Metric(id: rng.uuid(), name: "cpu_util", unit: "%", resourceID: server.id, projectID: server.projectID, userID: server.userID,
                    base: base, swing: 8, reporting: running),
                Metric(id: rng.uuid(), name: "memory.usage", unit: "MB", resourceID: server.id, projectID: server.projectID, userID: server.userID,
                    base: Double(400 + rng.int(1200)), swing: 40, reporting: running),
            ])
        }
        let hot = busiest ?? data.servers.first { $0.status == "ACTIVE" } ?? data.servers[0]
        let reference = DemoDataGenerator.referenceDate
        func rule(_ metric: String, _ threshold: Double, _ op: String) -> JSON {
            [
                "metric": .string(metric), "resource_id": .string(hot.id), "resource_type": "instance",
                "aggregation_method": "mean", "granularity": 60, "evaluation_periods": 3,
                "threshold": .double(threshold), "comparison_operator": .string(op),
            ]
        }
        func alarm(_ name: String, _ state: String, _ severity: String, _ enabled: Bool, _ rule: JSON, _ reason: String, _ transitions: [(String, String, Double)]) -> Alarm {
            let id = rng.uuid()
            let created = reference.addingTimeInterval(-7 * 86_400)
            var history: [(String, Date, String, JSON)] = [(rng.uuid(), created, "creation", ["state": "insufficient data", "name": .string(name)])]
            for (to, why, hoursAgo) in transitions {
                history.append((rng.uuid(), reference.addingTimeInterval(-hoursAgo * 3600), "state transition",
                    ["state": .string(to), "transition_reason": .string(why)]))
            }
            return Alarm(
                id: id, name: name, state: state, severity: severity, type: "gnocchi_resources_threshold", reason: reason,
                projectID: hot.projectID, userID: hot.userID, enabled: enabled, rule: rule,
                stateTime: history.last!.1, history: history.reversed().map { (id: $0.0, time: $0.1, type: $0.2, detail: $0.3) })
        }
        let firing = "Transition to alarm due to 3 samples outside threshold, most recent: 93.2"
        alarms = [
            alarm("\(hot.name)-cpu-high", "alarm", "critical", true, rule("cpu_util", 80, "gt"), firing, [
                ("ok", "Transition to ok due to 3 samples inside threshold, most recent: 41.5", 160),
                ("alarm", "Transition to alarm due to 3 samples outside threshold, most recent: 88.0", 30),
                ("ok", "Transition to ok due to 3 samples inside threshold, most recent: 52.1", 26),
                ("alarm", firing, 2),
            ]),
            alarm("\(hot.name)-memory-high", "ok", "moderate", true, rule("memory.usage", 3800, "gt"),
                "Transition to ok due to 3 samples inside threshold, most recent: 1210.0",
                [("ok", "Transition to ok due to 3 samples inside threshold, most recent: 1210.0", 150)]),
            alarm("\(hot.name)-cpu-idle", "insufficient data", "low", false, rule("cpu_util", 2, "lt"),
                "Alarm disabled: not evaluated", []),
        ]
        hotServer = hot
    }

    /// The server whose CPU alarm fires; its measures run hot.
    let hotServer: DemoServer

    var metrics: [Metric] { resources.flatMap(\.metrics) }

    /// The value of a series at a time bucket: a daily wave plus seeded noise, the same every run.
    func value(_ metric: Metric, at bucket: Int, granularity: Int, aggregation: String) -> Double? {
        guard metric.reporting else { return nil }
        let hot = metric.resourceID == hotServer.id && metric.name == "cpu_util"
        let phase = Double(bucket % 86_400) / 86_400 * 2 * .pi
        var noise = SplitMix64(seed: UInt64(truncatingIfNeeded: "\(metric.id)\(bucket)\(granularity)".hashValueStable))
        let jitter = Double(noise.int(1000)) / 1000 - 0.5
        let mean = hot ? 90 + 4 * jitter : metric.base + metric.swing * sin(phase) + 2 * jitter
        let spread = metric.swing / 4 + Double(granularity) / 3600
        let value: Double
        switch aggregation {
        case "max": value = mean + spread
        case "min": value = max(0, mean - spread)
        case "std": value = spread / 2
        case "count": value = Double(max(1, granularity / 10))
        case "sum": value = mean * Double(max(1, granularity / 10))
        default: value = mean
        }
        return (value * 100).rounded() / 100
    }
}
