import Foundation
import OpenStackKit

/// `get_share_snapshots`: snapshots of Manila shares, with the share's name.
enum GetShareSnapshots {
    static var definition: ToolDefinition {
        ListTool<ShareSnapshot>(
            name: "get_share_snapshots", title: "List share snapshots",
            description: "List Manila share snapshots: share, status, size.",
            noun: "snapshot",
            searchFields: { [$0.name, $0.status] },
            basic: { snapshot, _ in
                .compact([
                    ("id", .string(snapshot.id)), ("name", snapshot.name.json), ("share_id", snapshot.shareID.json),
                    ("status", snapshot.status.json), ("size_gb", snapshot.size.json),
                ])
            },
            detailed: { snapshot, _ in
                .compact([
                    ("share_size_gb", snapshot.shareSize.json), ("created_at", snapshot.createdAt.json),
                    ("description", snapshot.raw["description"]), ("project_id", snapshot.raw["project_id"]),
                ])
            }
        ).definition
    }
}
