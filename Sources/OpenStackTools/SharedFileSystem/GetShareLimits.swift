import Foundation
import OpenStackKit

/// `get_share_limits`: Manila's absolute limits for the caller's project, each quota cap next
/// to what is used.
enum GetShareLimits {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_share_limits", title: "Show file share limits and usage",
            description: "The project's Manila limits with use: shares, gigabytes, snapshots, share networks.",
            inputSchema: Schema.object(["detail_level": Schema.detailLevel]), outputSchema: Schema.showOutput
        ) { context, arguments in
            let detail = try arguments.detailLevel()
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let response = try await cloud.get(.sharedFileSystem, path: "/limits")
            let limits = try ShareLimits.show(from: response.json)
            var item: [String: JSONValue] = .compact([("project_id", try await cloud.token().projectID.json)])
            if detail == .full {
                item["limits"] = Redactor.redact(limits.raw)
            } else {
                var resources: [String: JSONValue] = [:]
                for resource in ShareLimits.resources {
                    let limit = limits.absolute[resource.limitKey], used = limits.absolute[resource.usedKey]
                    guard limit != nil || used != nil else { continue }
                    resources[resource.name] = UsageEntry.make(limit: limit, inUse: used, reserved: nil, detailed: detail == .detailed)
                }
                item["limits"] = .object(resources)
            }
            return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
