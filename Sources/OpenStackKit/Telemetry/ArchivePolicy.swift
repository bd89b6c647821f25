import Foundation

/// A Gnocchi archive policy (`GET /v1/archive_policy`): which granularities a metric keeps, and
/// for how long.
public struct ArchivePolicy: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .metric, path: ResourcePath("archive_policy"), collectionKey: "archive_policies", singularKey: nil,
        paging: .single, markerField: "name", nameFilter: nil, extractItems: { $0.arrayValue ?? [] })

    /// One archive: points of `granularity` seconds, kept for `timespan` seconds.
    public struct Archive: Sendable, Hashable {
        public var granularity: Double
        public var points: Int?
        public var timespan: Double?
    }

    public let raw: JSONValue
    public let name: String
    public let backWindow: Int?
    public let aggregationMethods: [String]
    /// Finest first.
    public let archives: [Archive]

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "ArchivePolicy")
        backWindow = json["back_window"]?.intValue
        aggregationMethods = json["aggregation_methods"]?.arrayValue?.compactMap(\.stringValue).sorted() ?? []
        archives = (json["definition"]?.arrayValue ?? []).compactMap { entry in
            guard let granularity = Self.seconds(entry["granularity"]) else { return nil }
            var timespan = Self.seconds(entry["timespan"])
            let points = entry["points"]?.intValue
            if timespan == nil, let points { timespan = Double(points) * granularity }
            return Archive(granularity: granularity, points: points, timespan: timespan)
        }.sorted { $0.granularity < $1.granularity }
    }

    /// Seconds from a number or from Python's timedelta text (`0:05:00`, `1 day, 0:00:00`, `30 days, 0:00:00`).
    public static func seconds(_ value: JSONValue?) -> Double? {
        if let number = value?.doubleValue { return number }
        guard var text = value?.stringValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        var total = 0.0
        if let comma = text.range(of: ",") {
            let days = text[..<comma.lowerBound].split(separator: " ").first.flatMap { Double($0) }
            guard let days else { return nil }
            total += days * 86_400
            text = String(text[comma.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        let parts = text.split(separator: ":").map { Double($0) }
        guard parts.count == 3, let hours = parts[0], let minutes = parts[1], let secs = parts[2] else { return nil }
        return total + hours * 3600 + minutes * 60 + secs
    }
}
