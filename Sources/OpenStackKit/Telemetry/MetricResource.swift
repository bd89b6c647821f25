import Foundation

/// A Gnocchi resource (`GET /v1/resource/{type}`), a bare array paged by `marker`. An
/// `instance` resource's ID is the Nova server's ID; `metrics` maps metric names to IDs.
public struct MetricResource: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .metric, path: ResourcePath("resource", "generic"), collectionKey: "resources", singularKey: nil,
        paging: .markerWithoutLinks, nameFilter: nil, extractItems: { $0.arrayValue ?? [] })

    public let raw: JSONValue
    public let id: String
    public let type: String?
    public let originalResourceID: String?
    public let projectID: String?
    public let startedAt: String?
    public let endedAt: String?
    /// Metric name to metric ID.
    public let metrics: [String: String]
    /// The type-specific name (`display_name` of an instance), when the type has one.
    public let displayName: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "MetricResource")
        type = json.text("type")
        originalResourceID = json.text("original_resource_id")
        projectID = json.text("project_id")
        startedAt = json.text("started_at")
        endedAt = json.text("ended_at")
        metrics = (json["metrics"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        displayName = json.text("display_name") ?? json.text("name")
    }

    /// The resources of one type, the type encoded as one segment.
    public static func path(type: String) -> String { ResourcePath("resource").appending(type).description }
}

/// A Gnocchi metric (`GET /v1/metric`, a bare array; attribute filters such as `resource_id`).
public struct GnocchiMetric: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .metric, path: ResourcePath("metric"), collectionKey: "metrics", singularKey: nil,
        paging: .markerWithoutLinks,
        filters: [.string("resource_id"), .string("name", "Only metrics with this name, e.g. cpu"), .string("unit")],
        nameFilter: "name", extractItems: { $0.arrayValue ?? [] })

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let unit: String?
    public let resourceID: String?
    public let archivePolicyName: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "GnocchiMetric")
        name = json.text("name")
        unit = json.text("unit")
        resourceID = json.text("resource_id") ?? json["resource"]?.text("id")
        archivePolicyName = json.text("archive_policy_name") ?? json["archive_policy"]?.text("name")
    }
}
