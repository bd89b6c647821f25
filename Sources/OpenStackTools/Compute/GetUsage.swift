import Foundation
import OpenStackKit

/// `get_usage`: compute usage per project over a period (os-simple-tenant-usage).
///
/// Nova pages this answer by instance, so one project's servers can straddle pages: the tool
/// reads every page of the period and joins each project's pieces before it counts.
enum GetUsage {
    static let defaultDays = 30

    static var definition: ToolDefinition {
        ListTool<TenantUsage>(
            name: "get_usage", title: "Show compute usage over a period",
            description:
                "Compute usage per project over a period (default: last 30 days): servers, CPU, RAM and disk hours.",
            noun: "project ID",
            extraProperties: [
                "start": Schema.string("Start of the period, ISO 8601 (default: 30 days before end)."),
                "end": Schema.string("End of the period, ISO 8601 (default: now)."),
                "project_id": Schema.string("The project (default: the project of your token)."),
                "all_projects": Schema.boolean("Every project (admin)", default: false),
            ],
            request: { arguments in
                let end = try arguments.date("end") ?? Date()
                let start = try arguments.date("start") ?? end.addingTimeInterval(-Double(defaultDays) * 86_400)
                guard start < end else {
                    throw ToolArgumentError(argument: "start", problem: "must be before end (\(ISODate.format(end)))")
                }
                let query = [
                    URLQueryItem(name: "start", value: ISODate.formatNaive(start)),
                    URLQueryItem(name: "end", value: ISODate.formatNaive(end)),
                    URLQueryItem(name: "detailed", value: "1"),
                ]
                // A named project is more specific than all of them.
                if try arguments.bool("all_projects", default: false), try arguments.string("project_id") == nil {
                    return ListRequest(
                        service: .compute, path: "/os-simple-tenant-usage", collectionKey: "tenant_usages", query: query,
                        markerField: "tenant_id", extractItems: TenantUsage.entries)
                }
                let project = try arguments.string("project_id") ?? ""
                return ListRequest(
                    service: .compute, path: "/os-simple-tenant-usage/\(PathSegment.encode(project))",
                    collectionKey: "tenant_usage", query: query, markerField: "tenant_id", extractItems: TenantUsage.entries)
            },
            searchFields: { [$0.projectID] },
            basic: { usage, _ in
                .compact([
                    ("project_id", .string(usage.projectID)), ("servers", usage.serverUsages.map { .int($0.count) }),
                    ("cpu_hours", rounded(usage.totalVCPUsUsage)), ("ram_mb_hours", rounded(usage.totalMemoryMBUsage)),
                    ("disk_gb_hours", rounded(usage.totalLocalGBUsage)), ("start", usage.start.json), ("stop", usage.stop.json),
                ])
            },
            detailed: { usage, _ in
                let servers = usage.serverUsages ?? []
                return .compact([
                    ("total_hours", rounded(usage.totalHours)),
                    ("servers_by_state", .object(counts(servers.map { $0.state ?? "unknown" }))),
                    ("servers_by_flavor", .object(counts(servers.map { $0.flavor ?? "unknown" }))),
                ])
            },
            prepare: { cloud, arguments, request in
                guard request.collectionKey == "tenant_usage", try arguments.string("project_id") == nil else { return request }
                let project = try await cloud.projectID()
                var request = request
                request.path = "/os-simple-tenant-usage/\(PathSegment.encode(project))"
                return request
            },
            mergeAllPages: TenantUsage.merged
        ).definition
    }

    static func rounded(_ value: Double?) -> JSONValue? {
        value.map { .double(($0 * 100).rounded() / 100) }
    }

    static func counts(_ values: [String]) -> [String: JSONValue] {
        Dictionary(grouping: values, by: { $0 }).mapValues { .int($0.count) }
    }
}
