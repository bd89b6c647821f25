import Foundation
import OpenStackKit

/// `get_load_balancer_quotas`: Octavia's quota of one project (defaults filled in), or for an
/// admin with `all_projects` and no `project_id`, of every project whose quota was set.
enum GetLoadBalancerQuotas {
    static var definition: ToolDefinition {
        ListTool<LoadBalancerQuota>(
            name: "get_load_balancer_quotas", title: "Show load balancer quotas",
            description: "Octavia quotas per project: balancers, listeners, pools, members, monitors, L7 policies and rules (-1 = unlimited).",
            noun: "load balancer quota",
            extraProperties: [
                "project_id": Schema.string("Default: this server's project; others need the admin role."),
                "all_projects": Schema.boolean("Admin: every project whose quota was set (null = the default)", default: false),
            ],
            searchFields: { [$0.projectID] },
            basic: { quota, _ in columns(quota, kinds: LoadBalancerQuota.kinds.prefix(5)) },
            detailed: { quota, _ in columns(quota, kinds: LoadBalancerQuota.kinds.dropFirst(5)) },
            prepare: { cloud, arguments, request in
                let project = try arguments.string("project_id")
                if project == nil, try arguments.bool("all_projects", default: false) { return request }
                return oneProject(request, try await cloud.projectID(asked: project))
            }
        ).definition
    }

    /// The project and the limits of `kinds`; null where the list leaves the default.
    static func columns(_ quota: LoadBalancerQuota, kinds: ArraySlice<String>) -> [String: JSONValue] {
        var columns: [String: JSONValue] = .compact([("project_id", quota.projectID.json)])
        for kind in kinds { columns[kind] = quota.limits[kind]?.map(JSONValue.int) ?? .null }
        return columns
    }

    /// The effective quota of one project; the project is added where the answer lacks it (the api-ref sample).
    static func oneProject(_ request: ListRequest, _ project: String) -> ListRequest {
        var request = request
        request.path = LoadBalancerQuota.declaration.itemPath(project)
        request.extractItems = { document in
            guard case .object(var members)? = document["quota"] else { return [] }
            if members["project_id"] == nil { members["project_id"] = .string(project) }
            return [.object(members)]
        }
        return request
    }
}
