import Foundation
import OpenStackKit

/// `get_measures`: a Gnocchi metric's measures over a bounded window. The granularity (and,
/// if needed, a shorter window) is chosen from the metric's archive policy so that the answer
/// holds at most `max_points`; the answer says which window, granularity and aggregation it used.
enum GetMeasures {
    static let defaultPoints = 500

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [
            "metric": Schema.string("Metric ID, or its name with resource_id"),
            "resource_id": Schema.string("Resource ID (a server's ID for its instance); with metric as a name"),
            "aggregation": Schema.string("Aggregation method, e.g. mean (default), max, min, last, rate:mean"),
            "granularity": ["type": "integer", "minimum": 1, "description": "Seconds; one of the archive policy's (default: chosen to fit)"],
            "start": Schema.string("ISO 8601 (default: one hour before stop)"),
            "stop": Schema.string("ISO 8601 (default: now)"),
            "max_points": ["type": "integer", "minimum": 1, "maximum": 2000, "default": .int(defaultPoints)],
        ]
        return ToolDefinition(
            name: "get_measures", title: "Read a metric's measures",
            description: "A Gnocchi metric's measures over a window sized to fit; says the window, granularity and aggregation used.",
            inputSchema: Schema.object(properties, required: ["metric"]), outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            guard let key = try arguments.string("metric") else {
                throw ToolArgumentError(argument: "metric", problem: "required: a metric ID (get_metrics) or a name with resource_id")
            }
            let maxPoints = try arguments.int("max_points", default: defaultPoints, range: 1...2000)
            let aggregation = try arguments.string("aggregation") ?? "mean"
            let now = Date()
            let stop = try arguments.date("stop") ?? now
            let start = try arguments.date("start") ?? stop.addingTimeInterval(-3600)
            let wanted = (arguments.values["granularity"] ?? .null) == .null
                ? nil : Double(try arguments.int("granularity", default: 1, range: 1...Int(Int32.max)))
            let metric = try await MetricReader.metric(key, resource: try arguments.string("resource_id"), cloud: cloud)
            guard metric.aggregationMethods.isEmpty || metric.aggregationMethods.contains(aggregation) else {
                throw ToolArgumentError(
                    argument: "aggregation",
                    problem: "'\(aggregation)' is not kept by archive policy \(metric.policyName ?? "?"); it keeps \(metric.aggregationMethods.joined(separator: ", "))")
            }
            let window: MeasureWindow
            switch MeasureWindow.plan(archives: metric.archives, start: start, stop: stop, now: now, maxPoints: maxPoints, wanted: wanted) {
            case .success(let plan): window = plan
            case .failure(.emptyWindow): throw ToolArgumentError(argument: "start", problem: "start must be before stop")
            case .failure(.noArchives):
                throw OpenStackError(kind: .decoding, service: "Gnocchi", message: "metric \(metric.id) has no archive policy definition",
                    nextStep: "check its archive policy with get_archive_policies")
            case .failure(.unknownGranularity(let known)):
                throw ToolArgumentError(
                    argument: "granularity",
                    problem: "the metric's archive policy keeps only \(known.map { String(Int($0)) }.joined(separator: ", ")) seconds; pick one or leave it out")
            }
            let response = try await cloud.get(.metric, path: ResourcePath("metric").appending(metric.id).appending(literal: "measures").description, query: [
                URLQueryItem(name: "aggregation", value: aggregation),
                URLQueryItem(name: "granularity", value: String(Int(window.granularity))),
                URLQueryItem(name: "start", value: ISODate.format(window.start)), URLQueryItem(name: "stop", value: ISODate.format(window.stop)),
            ])
            // Gnocchi answers [timestamp, granularity, value] triples, oldest first.
            let points = (response.json.arrayValue ?? []).compactMap { triple -> (String, Double)? in
                guard let values = triple.arrayValue, values.count == 3, let time = values[0].stringValue, let value = values[2].doubleValue else { return nil }
                return (time, value)
            }.suffix(maxPoints)
            let values = points.map(\.1)
            var item: [String: JSONValue] = .compact([
                ("metric_id", .string(metric.id)), ("name", metric.name.json), ("unit", metric.unit.json),
                ("resource_id", metric.resourceID.json), ("aggregation", .string(aggregation)),
                ("granularity_seconds", .int(Int(window.granularity))),
                ("window", ["start": .string(ISODate.format(window.start)), "stop": .string(ISODate.format(window.stop))]),
                ("chosen_because", .string(window.reason)), ("archive_policy", metric.policyName.json),
                ("point_count", .int(points.count)),
            ])
            if !values.isEmpty {
                item["summary"] = [
                    "min": .double(values.min()!), "max": .double(values.max()!),
                    "mean": .double((values.reduce(0, +) / Double(values.count) * 1000).rounded() / 1000),
                    "last": .double(values.last!),
                ]
            }
            item["measures"] = .array(points.map { .array([.string($0.0), .double($0.1)]) })
            return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}

/// A metric with its archive policy's archives, read for `get_measures`.
enum MetricReader {
    struct Found: Sendable {
        var id: String
        var name: String?
        var unit: String?
        var resourceID: String?
        var policyName: String?
        var archives: [ArchivePolicy.Archive]
        var aggregationMethods: [String]
    }

    static func metric(_ key: String, resource: String?, cloud: OpenStackCloud) async throws -> Found {
        var id = key
        if let resource {
            let path = ResourcePath("resource", "generic").appending(resource).description
            let found = try MetricResource(json: try await cloud.get(.metric, path: path).json)
            guard let metricID = found.metrics[key] ?? found.metrics.values.first(where: { $0 == key }) else {
                throw ToolArgumentError(
                    argument: "metric",
                    problem: "resource \(resource) has no metric '\(key)'; it has \(found.metrics.keys.sorted().joined(separator: ", "))")
            }
            id = metricID
        } else if UUID(uuidString: key) == nil {
            throw ToolArgumentError(argument: "metric", problem: "'\(key)' is not a metric ID; pass resource_id too to read it by name")
        }
        let json = try await cloud.get(.metric, path: ResourcePath("metric").appending(id).description).json
        let metric = try GnocchiMetric(json: json)
        var policy = json["archive_policy"].flatMap { $0.objectValue != nil ? try? ArchivePolicy(json: $0) : nil }
        if policy == nil, let name = metric.archivePolicyName {
            policy = try ArchivePolicy(json: try await cloud.get(.metric, path: ResourcePath("archive_policy").appending(name).description).json)
        }
        return Found(
            id: metric.id, name: metric.name, unit: metric.unit, resourceID: metric.resourceID, policyName: policy?.name ?? metric.archivePolicyName,
            archives: policy?.archives ?? [], aggregationMethods: policy?.aggregationMethods ?? [])
    }
}
