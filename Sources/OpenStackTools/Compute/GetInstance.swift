import Foundation
import OpenStackKit

/// `get_instance`: one Nova server by ID or name, with the same columns as `get_instances`.
enum GetInstance {
    static var definition: ToolDefinition { tool.definition }

    /// Finds one server by ID or name (used by describe_instance too).
    static func find(_ key: String, cloud: OpenStackCloud) async throws -> OpenStackKit.Server {
        // Nova's IDs are UUIDs: anything else can only be a name, so no GET by ID is wasted on it.
        try await tool.find(key, cloud: cloud, tryID: UUID(uuidString: key) != nil)
    }

    /// The ID of the server named by `key`, which is its ID (taken as is when it looks like a
    /// UUID, as Nova's are) or its exact name (looked up with one filtered list request).
    static func serverID(_ key: String, cloud: OpenStackCloud) async throws -> String {
        if UUID(uuidString: key) != nil { return key.lowercased() }
        return try await tool.find(key, cloud: cloud, tryID: false).id
    }

    static var tool: ShowTool<OpenStackKit.Server> {
        ShowTool<OpenStackKit.Server>(
            name: "get_instance", title: "Show one compute instance",
            description:
                "Show one Nova server by ID or name: status, fault, flavor, image, addresses, volumes, security groups, host.",
            // Nova's name filter is a regex: the declared lookup anchors and escapes the name, and an
            // admin's lookup adds all_tenants=True.
            noun: "server", nameOf: { $0.name },
            lookups: { cloud, servers in await GetInstances.lookups(cloud: cloud, servers: servers) },
            basic: GetInstances.basicColumns,
            detailed: GetInstances.detailedColumns
        )
    }
}
