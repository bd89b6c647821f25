import Foundation
import OpenStackKit

/// `get_compute_quotas`: a project's compute quotas with use and reservations, one row per resource.
enum GetComputeQuotas {
    static var definition: ToolDefinition {
        ListTool<ComputeQuotaSet.Row>(
            name: "get_compute_quotas", title: "Show compute quotas and usage",
            description:
                "A project's compute quotas: in_use, limit and reserved per resource; detailed adds what is left.",
            noun: "resource",
            extraProperties: [
                "project_id": Schema.string("The project (default: the project of your token)."),
                "user_id": Schema.string("Show the quotas and use of this user within the project."),
            ],
            request: { arguments in
                var query: [URLQueryItem] = []
                if let user = try arguments.string("user_id") { query.append(URLQueryItem(name: "user_id", value: user)) }
                let project = try arguments.string("project_id") ?? ""
                return ListRequest(
                    service: .compute, path: "/os-quota-sets/\(PathSegment.encode(project))/detail", collectionKey: "quota_set", query: query,
                    supportsPaging: false, markerField: "resource", extractItems: ComputeQuotaSet.rows)
            },
            searchFields: { [$0.resource] },
            basic: { row, _ in
                .compact([("resource", .string(row.resource)), ("in_use", row.inUse.json), ("limit", row.limit.json)])
            },
            detailed: { row, _ in
                QuotaColumns.headroom(limit: row.limit, used: row.inUse.map { $0 + (row.reserved ?? 0) })
                    .merging(.compact([("reserved", row.reserved.json)])) { current, _ in current }
            },
            prepare: { cloud, arguments, request in
                guard try arguments.string("project_id") == nil else { return request }
                let project = try await cloud.projectID()
                var request = request
                request.path = "/os-quota-sets/\(PathSegment.encode(project))/detail"
                return request
            }
        ).definition
    }
}
