import Foundation

/// Gnocchi (Metric v1) under `/metric`: archive policies, resources by type, one resource and its
/// metrics, metrics with attribute filters, and measures by aggregation and granularity within
/// each archive's retention. As in Gnocchi 4.7, a resource list takes no `filter` (searching is
/// `POST /v1/search/resource`) and the metric list no `resource_id`: both are ignored.
struct GnocchiAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "metric"
    let data: TelemetryData

    init(environment: ServiceEnvironment) {
        self.environment = environment
        self.data = TelemetryData(environment.data)
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["code": .int(status), "title": .string(reasonPhrase(status)), "description": .string(message)]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty }

    /// Gnocchi sends no request id.
    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        reply.removeHeaders(named: "x-openstack-request-id")
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty {
            return .json(["build": "4.7.1", "versions": [["id": "v1.0", "status": "CURRENT", "updated": "2015-03-19",
                "links": [["href": .string(request.baseURL + "/metric/v1/"), "rel": "self"]]]]])
        }
        guard path[0] == "v1" else { return error(404, "The resource could not be found.", request) }
        switch Array(path.dropFirst()) {
        case ["archive_policy"]: return .json(.array(TelemetryData.policies.map(render)))
        case let rest where rest.count == 2 && rest[0] == "archive_policy":
            guard let policy = TelemetryData.policies.first(where: { $0.name == rest[1] }) else {
                return error(404, "Archive policy \(rest[1]) does not exist", request)
            }
            return .json(render(policy))
        case let rest where rest.count == 2 && rest[0] == "resource": return resources(type: rest[1], request)
        case let rest where rest.count == 3 && rest[0] == "resource":
            guard ["generic", "instance"].contains(rest[1]), let resource = visible(request).first(where: { $0.server.id == rest[2] }) else {
                return error(404, "Resource \(rest[2]) does not exist", request)
            }
            return .json(render(resource))
        case let rest where rest.count == 4 && rest[0] == "resource" && rest[3] == "metric":
            guard ["generic", "instance"].contains(rest[1]), let resource = visible(request).first(where: { $0.server.id == rest[2] }) else {
                return error(404, "Resource \(rest[2]) does not exist", request)
            }
            return .json(.array(resource.metrics.map { render($0) }))
        case ["metric"]: return metricList(request)
        case let rest where rest.count == 2 && rest[0] == "metric":
            guard let metric = visibleMetric(rest[1], request) else { return error(404, "Metric \(rest[1]) does not exist", request) }
            return .json(render(metric))
        case let rest where rest.count == 3 && rest[0] == "metric" && rest[2] == "measures":
            guard let metric = visibleMetric(rest[1], request) else { return error(404, "Metric \(rest[1]) does not exist", request) }
            return measures(metric, request)
        default: return error(404, "The resource could not be found.", request)
        }
    }

    private func visible(_ request: IncomingRequest) -> [TelemetryData.Resource] {
        data.resources.filter { request.isAdmin || $0.server.projectID == request.projectID }
    }

    private func visibleMetric(_ id: String, _ request: IncomingRequest) -> TelemetryData.Metric? {
        visible(request).flatMap(\.metrics).first { $0.id == id }
    }

    private func resources(type: String, _ request: IncomingRequest) -> Reply {
        guard ["generic", "instance"].contains(type) else { return error(404, "Resource type \(type) does not exist", request) }
        let items = visible(request)
        switch SimplePaging.page(items, key: \.server.id, request: request) {
        case .page(let page, _): return .json(.array(page.map(render)))
        case .unknownMarker: return error(400, "Invalid marker: `\(request.query.first("marker") ?? "")'", request)
        case .badLimit(let text): return error(400, "Invalid input: expected int for dictionary value @ data['limit'] (\(text))", request)
        }
    }

    private func metricList(_ request: IncomingRequest) -> Reply {
        let query = request.query
        let metrics = visible(request).flatMap(\.metrics).filter { metric in
            (query.first("name").map { $0 == metric.name } ?? true) && (query.first("unit").map { $0 == metric.unit } ?? true)
        }
        switch SimplePaging.page(metrics, key: \.id, request: request) {
        case .page(let page, _): return .json(.array(page.map { render($0) }))
        case .unknownMarker: return error(400, "Invalid marker: `\(query.first("marker") ?? "")'", request)
        case .badLimit(let text): return error(400, "Invalid limit \(text)", request)
        }
    }

    private func measures(_ metric: TelemetryData.Metric, _ request: IncomingRequest) -> Reply {
        let policy = TelemetryData.medium
        let aggregation = request.query.first("aggregation") ?? "mean"
        guard policy.methods.contains(aggregation) else {
            return error(404, "Aggregation method '\(aggregation)' for metric \(metric.id) does not exist", request)
        }
        let now = Date()
        let wanted = request.query.first("granularity").flatMap(Double.init).map(Int.init)
        guard let archive = wanted.map({ g in policy.archives.first { $0.granularity == g } }) ?? policy.archives.first else {
            return error(404, "Granularity '\(request.query.first("granularity") ?? "")' for metric \(metric.id) does not exist", request)
        }
        let parse = { (name: String) in request.query.first(name).flatMap { Self.date($0) } }
        let stop = min(parse("stop") ?? now, now)
        let oldest = now.addingTimeInterval(-Double(archive.granularity * archive.points))
        let start = max(parse("start") ?? oldest, oldest)
        let g = archive.granularity
        var bucket = Int(start.timeIntervalSince1970) / g * g
        var points: [JSON] = []
        while Double(bucket) < stop.timeIntervalSince1970, points.count < archive.points {
            if let value = data.value(metric, at: bucket, granularity: g, aggregation: aggregation) {
                let time = Date(timeIntervalSince1970: Double(bucket))
                points.append([.string(Timestamp.format(time, .seconds).replacingOccurrences(of: "Z", with: "+00:00")), .double(Double(g)), .double(value)])
            }
            bucket += g
        }
        return .json(.array(points))
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        return formatter.date(from: text + "Z")
    }

    private func render(_ policy: TelemetryData.Policy) -> JSON {
        [
            "name": .string(policy.name), "back_window": .int(policy.backWindow), "aggregation_methods": .strings(policy.methods),
            "definition": .array(policy.archives.map { archive in
                [
                    "granularity": .string(Self.timedelta(archive.granularity)), "points": .int(archive.points),
                    "timespan": .string(Self.timedelta(archive.granularity * archive.points)),
                ]
            }),
        ]
    }

    private func render(_ resource: TelemetryData.Resource) -> JSON {
        let server = resource.server
        return [
            "id": .string(server.id), "type": "instance", "original_resource_id": .string(server.id),
            "project_id": .string(server.projectID), "user_id": .string(server.userID),
            "creator": .string("\(server.userID):\(server.projectID)"),
            "created_by_user_id": .string(server.userID), "created_by_project_id": .string(server.projectID),
            "started_at": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microsecondsZ)), "ended_at": nil,
            "revision_start": .string(Timestamp.format(DemoDataGenerator.referenceDate, .microsecondsZ)), "revision_end": nil,
            "display_name": .string(server.name), "host": .str(server.host), "flavor_id": .string(server.flavorID),
            "flavor_name": .str(environment.data.flavor(id: server.flavorID)?.name),
            "image_ref": .str(server.imageID), "server_group": nil,
            "metrics": .object(resource.metrics.map { JSONMember(key: $0.name, value: .string($0.id)) }),
        ]
    }

    private func render(_ metric: TelemetryData.Metric) -> JSON {
        [
            "id": .string(metric.id), "name": .string(metric.name), "unit": .string(metric.unit),
            "resource_id": .string(metric.resourceID), "creator": .string("\(metric.userID):\(metric.projectID)"),
            "created_by_user_id": .string(metric.userID), "created_by_project_id": .string(metric.projectID),
            // Gnocchi 4.7 embeds the policy in lists too (no archive_policy_name).
            "archive_policy": render(TelemetryData.medium),
        ]
    }

    /// Python's timedelta text: `0:01:00`, `1 day, 0:00:00`, `7 days, 0:00:00`.
    static func timedelta(_ seconds: Int) -> String {
        let days = seconds / 86_400, rest = seconds % 86_400
        let clock = String(format: "%d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60)
        return days == 0 ? clock : "\(days) day\(days == 1 ? "" : "s"), \(clock)"
    }
}
