import Foundation

/// One project's usage over a period, from `GET /os-simple-tenant-usage` (every project, admin)
/// or `/os-simple-tenant-usage/{project_id}`.
///
/// From 2.40 these answers page by *instance* (`limit`, `marker` = instance UUID), so one
/// project's servers may be split over pages; ``merged(_:)`` joins the pieces.
public struct TenantUsage: OpenStackResource {
    public static let collectionKey = "tenant_usages"
    public static let singularKey: String? = "tenant_usage"

    /// One server's share of the usage (`detailed=1`, or the per-project answer).
    public struct ServerUsage: Sendable, Hashable {
        public var instanceID: String
        public var name: String?
        public var flavor: String?
        public var state: String?
        public var hours: Double?
        public var vcpus: Int?
        public var memoryMB: Int?
        public var localGB: Int?
        public var startedAt: String?
        public var endedAt: String?
    }

    public let raw: JSONValue
    public let projectID: String
    public let start: String?
    public let stop: String?
    public let totalHours: Double?
    public let totalVCPUsUsage: Double?
    public let totalMemoryMBUsage: Double?
    public let totalLocalGBUsage: Double?
    /// Nil when the answer was not detailed.
    public let serverUsages: [ServerUsage]?

    public init(json: JSONValue) throws {
        raw = json
        projectID = try json.required("tenant_id", in: "TenantUsage")
        start = json.text("start")
        stop = json.text("stop")
        totalHours = json["total_hours"]?.doubleValue
        totalVCPUsUsage = json["total_vcpus_usage"]?.doubleValue
        totalMemoryMBUsage = json["total_memory_mb_usage"]?.doubleValue
        totalLocalGBUsage = json["total_local_gb_usage"]?.doubleValue
        serverUsages = json["server_usages"]?.arrayValue?.compactMap { entry in
            entry.text("instance_id").map { id in
                ServerUsage(
                    instanceID: id, name: entry.text("name"), flavor: entry.text("flavor"), state: entry.text("state"),
                    hours: entry["hours"]?.doubleValue, vcpus: entry["vcpus"]?.intValue,
                    memoryMB: entry["memory_mb"]?.intValue, localGB: entry["local_gb"]?.intValue,
                    startedAt: entry.text("started_at"), endedAt: entry.text("ended_at"))
            }
        }
    }

    /// The usage entries of one answer: the list, or the single project's object (which Nova
    /// sends as `{}` when the project used nothing).
    public static func entries(_ document: JSONValue) -> [JSONValue] {
        if let list = document[collectionKey]?.arrayValue { return list }
        if let one = document[singularKey!], one["tenant_id"] != nil { return [one] }
        return []
    }

    /// Joins the pieces of each project that the pages split: totals are summed and server
    /// usages concatenated, in the order the projects first appeared.
    public static func merged(_ entries: [JSONValue]) -> [JSONValue] {
        var order: [String] = []
        var byProject: [String: [String: JSONValue]] = [:]
        for entry in entries {
            guard let project = entry.text("tenant_id"), let members = entry.objectValue else { continue }
            guard var merged = byProject[project] else {
                order.append(project)
                byProject[project] = members
                continue
            }
            for key in ["total_hours", "total_vcpus_usage", "total_memory_mb_usage", "total_local_gb_usage"] {
                merged[key] = .double((merged[key]?.doubleValue ?? 0) + (members[key]?.doubleValue ?? 0))
            }
            if let more = members["server_usages"]?.arrayValue {
                merged["server_usages"] = .array((merged["server_usages"]?.arrayValue ?? []) + more)
            }
            byProject[project] = merged
        }
        return order.map { .object(byProject[$0]!) }
    }
}
