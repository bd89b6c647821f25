import Foundation
import OpenStackKit

/// `get_share_servers`: the file servers Manila runs per share network (admin).
enum GetShareServers {
    static var definition: ToolDefinition {
        ListTool<ShareServer>(
            name: "get_share_servers", title: "List share servers",
            description: "List Manila share servers (admin): status, host, share network, project.",
            noun: "share server",
            searchFields: { [$0.host, $0.shareNetworkName, $0.status] },
            basic: { server, _ in
                .compact([
                    ("id", .string(server.id)), ("status", server.status.json), ("host", server.host.json),
                    ("share_network_id", server.shareNetworkID.json), ("share_network_name", server.shareNetworkName.json),
                    ("project_id", server.projectID.json),
                ])
            },
            detailed: { server, _ in
                .compact([("updated_at", server.updatedAt.json), ("backend_details", server.raw["backend_details"])])
            }
        ).definition
    }
}
