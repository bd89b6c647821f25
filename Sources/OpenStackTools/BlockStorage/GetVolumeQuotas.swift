import Foundation
import OpenStackKit

/// `get_volume_quotas`: a project's Cinder quotas with what is in use (`?usage=true`).
enum GetVolumeQuotas {
    static let name = "get_volume_quotas"

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [
            "project_id": Schema.string(
                "Whose quotas. Default: the project of your token. Another project's quotas need the admin role."),
            "detail_level": Schema.detailLevel,
        ]
        return ToolDefinition(
            name: name, title: "Show block storage quotas and usage",
            description:
                "A project's Cinder quotas with in_use per resource (-1 = unlimited).",
            inputSchema: Schema.object(properties), outputSchema: Schema.showOutput
        ) { context, arguments in
            let detail = try arguments.detailLevel()
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let project = try await cloud.projectID(asked: try arguments.string("project_id"))
            let response = try await cloud.get(
                .blockStorage, path: "/os-quota-sets/\(PathSegment.encode(project))", query: [URLQueryItem(name: "usage", value: "true")])
            let quotaSet = try VolumeQuotaSet.show(from: response.json)
            var item: [String: JSONValue] = ["project_id": .string(quotaSet.projectID ?? project)]
            if detail == .full {
                item["quota_set"] = Redactor.redact(quotaSet.raw)
            } else {
                var quotas: [String: JSONValue] = [:]
                for (resource, quota) in quotaSet.quotas
                where detail == .detailed || VolumeQuotaSet.globalResources.contains(resource) {
                    quotas[resource] = UsageEntry.make(
                        limit: quota.limit, inUse: quota.inUse, reserved: quota.reserved, detailed: detail == .detailed)
                }
                item["quotas"] = .object(quotas)
            }
            return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
