import Foundation
import OpenStackKit

/// `get_compute_limits`: the project's compute limits and use, one row per resource.
enum GetComputeLimits {
    static var definition: ToolDefinition {
        ListTool<ComputeLimits.Row>(
            name: "get_compute_limits", title: "Show compute limits and usage",
            description:
                "A project's absolute compute limits with use (instances, cores, RAM, ...).",
            noun: "resource",
            extraProperties: [
                "project_id": Schema.string("Show this project's limits instead of yours (admin; Nova's tenant_id)."),
                "reserved": Schema.boolean("Count reserved resources as used.", default: false),
            ],
            request: { arguments in
                var query: [URLQueryItem] = []
                if let project = try arguments.string("project_id") { query.append(URLQueryItem(name: "tenant_id", value: project)) }
                if try arguments.bool("reserved", default: false) { query.append(URLQueryItem(name: "reserved", value: "1")) }
                // One object of max*/total*Used keys, read as one row per resource.
                return ListRequest(
                    service: .compute, path: "/limits", collectionKey: "limits", query: query, supportsPaging: false,
                    markerField: "resource", extractItems: ComputeLimits.rows)
            },
            searchFields: { [$0.resource, $0.limitKey, $0.usageKey] },
            basic: { row, _ in
                .compact([("resource", .string(row.resource)), ("limit", row.limit.json), ("in_use", row.used.json)])
            },
            detailed: { row, _ in
                QuotaColumns.headroom(limit: row.limit, used: row.used)
                    .merging(["limit_name": .string(row.limitKey)]) { current, _ in current }
            }
        ).definition
    }
}

/// Columns shared by limits and quotas: what is left and how full it is.
enum QuotaColumns {
    /// `unlimited`, `available` and `percent_used` for a limit (`-1` = unlimited) and its use.
    static func headroom(limit: Int?, used: Int?) -> [String: JSONValue] {
        guard let limit else { return [:] }
        if limit < 0 { return ["unlimited": .bool(true)] }
        guard let used else { return ["unlimited": .bool(false)] }
        var columns: [String: JSONValue] = ["unlimited": .bool(false), "available": .int(max(0, limit - used))]
        if limit > 0 { columns["percent_used"] = .double((Double(used) * 1000 / Double(limit)).rounded() / 10) }
        return columns
    }
}
