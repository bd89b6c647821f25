import Foundation
import OpenStackKit

/// `get_instance`: one Nova server by ID or name, with the same columns as `get_instances`.
enum GetInstance {
    static var definition: ToolDefinition { tool.definition }

    /// Finds one server by ID or name (used by describe_instance too).
    static func find(_ key: String, cloud: OpenStackCloud) async throws -> OpenStackKit.Server {
        try await tool.find(key, cloud: cloud)
    }

    static var tool: ShowTool<OpenStackKit.Server> {
        ShowTool<OpenStackKit.Server>(
            name: "get_instance", title: "Show one compute instance",
            description:
                "Show one Nova server by ID or exact name: status, flavor, image name, addresses, attached volumes, security groups, host and its fault if it is in ERROR. Names are looked up across all projects when you are an admin.",
            noun: "server", service: .compute,
            path: { "/servers/\($0)" },
            findByName: { name in
                // Nova's name filter is a regex: anchor and escape it for an exact match.
                let pattern = "^" + NSRegularExpression.escapedPattern(for: name) + "$"
                return ListRequest(
                    service: .compute, path: "/servers/detail", collectionKey: "servers",
                    query: [URLQueryItem(name: "name", value: pattern), URLQueryItem(name: "all_tenants", value: "True")])
            },
            nameOf: { $0.name },
            lookups: { cloud, servers in await GetInstances.lookups(cloud: cloud, servers: servers) },
            basic: GetInstances.basicColumns,
            detailed: GetInstances.detailedColumns
        )
    }
}
