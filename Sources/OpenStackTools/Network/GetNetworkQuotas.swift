import Foundation
import OpenStackKit

/// `get_network_quotas`: a project's Neutron quotas with usage (`/quotas/{project}/details.json`),
/// one item per resource. Without a project it reads the quotas of the token's project.
enum GetNetworkQuotas {
    static let name = "get_network_quotas"

    static var definition: ToolDefinition {
        var properties = Schema.listProperties(noun: "resource (network, port, floatingip, ...)")
        properties["project_id"] = Schema.string(
            "The project whose quotas to show; default: the project this server is logged in to. Other projects need the admin role.")
        return ToolDefinition(
            name: name, title: "Show network quotas and usage",
            description:
                "A project's Neutron quotas: limit, used, reserved and free per resource (-1 = unlimited).",
            inputSchema: Schema.object(properties), outputSchema: Schema.listOutput
        ) { context, arguments in
            return try await run(context: context, arguments: arguments)
        }
    }

    static func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        let limit = try arguments.int("limit", default: 100, range: 1...1000)
        let detail = try arguments.detailLevel()
        let filter = try arguments.string("filter")?.lowercased()
        let marker = try arguments.string("cursor").map { try Cursor.decode($0, tool: name) }
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        let project = try await cloud.projectID(asked: try arguments.string("project_id"))
        let path = "/quotas/" + PathSegment.encode(project)
        var notes: [String] = []
        let quota: NetworkQuota
        do {
            quota = try NetworkQuota.show(from: try await cloud.get(.network, path: path + "/details.json").json)
        } catch let error as OpenStackError where error.kind == .http && error.status == 404 {
            // A Neutron without the quota-details extension still shows the limits.
            quota = try NetworkQuota.show(from: try await cloud.get(.network, path: path).json)
            notes.append("This Neutron does not report quota usage (no quota_details extension); only limits are shown.")
        }

        var entries = quota.entries
        if let marker, let index = entries.firstIndex(where: { $0.resource == marker }) { entries.removeSubrange(...index) }
        if let filter { entries = entries.filter { $0.resource.lowercased().contains(filter) } }
        let page = Array(entries.prefix(limit))
        let items = page.map { item(for: $0, project: project, detail: detail, raw: quota.raw[$0.resource]) }
        let (kept, truncated, shortened) = ListOutput.capped(items, maxBytes: context.settings.maxResultBytes)
        let more = truncated || entries.count > limit
        let next = more ? page[kept.count - 1].resource : nil
        return ListOutput.result(
            items: kept, nextCursor: next.map { Cursor.encode(tool: name, marker: $0) }, truncated: truncated,
            cloud: cloud.name, region: await cloud.effectiveRegion(), notes: shortened + notes)
    }

    static func item(for entry: NetworkQuota.Entry, project: String, detail: DetailLevel, raw: JSONValue?) -> JSONValue {
        var object: [String: JSONValue] = .compact([
            ("resource", .string(entry.resource)), ("used", entry.used.json), ("limit", entry.limit.json),
        ])
        guard detail != .basic else { return .object(object) }
        let unlimited = (entry.limit ?? -1) < 0
        object.merge(.compact([
            ("reserved", entry.reserved.json), ("unlimited", .bool(unlimited)), ("project_id", .string(project)),
            ("free", unlimited ? nil : entry.limit.map { limit in .int(max(0, limit - (entry.used ?? 0) - (entry.reserved ?? 0))) }),
            ("used_percent", unlimited || entry.limit == 0 ? nil : entry.used.flatMap { used in
                entry.limit.map { .double((Double(used) / Double($0) * 1000).rounded() / 10) }
            }),
        ])) { _, new in new }
        if detail == .full {
            // The upstream record as sent (an object in the details document, a bare limit otherwise).
            object["quota"] = raw ?? .null
        }
        return .object(object)
    }
}
