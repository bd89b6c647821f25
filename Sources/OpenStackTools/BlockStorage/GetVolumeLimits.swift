import Foundation
import OpenStackKit

/// `get_volume_limits`: Cinder's absolute limits for a project — each cap (`maxTotal*`) next to
/// what is used (`total*Used`).
enum GetVolumeLimits {
    static let name = "get_volume_limits"

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [
            "project_id": Schema.string("Whose limits (admin; Cinder microversion 3.39+). Default: the project of your token."),
            "detail_level": Schema.detailLevel,
        ]
        return ToolDefinition(
            name: name, title: "Show block storage limits and usage",
            description:
                "A project's Cinder limits with use: volumes, gigabytes, snapshots, backups.",
            inputSchema: Schema.object(properties), outputSchema: Schema.showOutput
        ) { context, arguments in
            let detail = try arguments.detailLevel()
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let project = try arguments.string("project_id")
            let query = project.map { [URLQueryItem(name: "project_id", value: $0)] } ?? []
            let response = try await cloud.get(.blockStorage, path: "/limits", query: query)
            let limits = try VolumeLimits.show(from: response.json)
            var projectID = project
            if projectID == nil { projectID = try await cloud.token().projectID }
            var item: [String: JSONValue] = .compact([("project_id", projectID.json)])
            if detail == .full {
                item["limits"] = Redactor.redact(limits.raw)
            } else {
                var resources: [String: JSONValue] = [:]
                for resource in VolumeLimits.resources.map(\.name) {
                    guard let usage = limits.usage(of: resource) else { continue }
                    resources[resource] = UsageEntry.make(
                        limit: usage.limit, inUse: usage.used, reserved: nil, detailed: detail == .detailed)
                }
                item["limits"] = .object(resources)
            }
            return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}

/// One resource's use against its limit, as the block storage tools show it.
enum UsageEntry {
    static func make(limit: Int?, inUse: Int?, reserved: Int?, detailed: Bool) -> JSONValue {
        var entry: [String: JSONValue] = .compact([("limit", limit.json), ("in_use", inUse.json)])
        guard detailed else { return .object(entry) }
        entry["reserved"] = reserved.json
        if let limit, limit >= 0, let inUse {
            entry["remaining"] = .int(limit - inUse - (reserved ?? 0))
            entry["percent_used"] = limit > 0 ? .double((Double(inUse) / Double(limit) * 1000).rounded() / 10) : nil
        } else if limit == -1 {
            entry["unlimited"] = .bool(true)
        }
        return .object(entry)
    }
}
