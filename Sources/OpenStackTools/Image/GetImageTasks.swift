import Foundation
import OpenStackKit

/// `get_image_tasks`: Glance's asynchronous tasks (imports), newest first; admin by default policy.
enum GetImageTasks {
    static var definition: ToolDefinition {
        ListTool<ImageTask>(
            name: "get_image_tasks", title: "List image tasks (admin)",
            description: "Admin: list Glance tasks (image imports): type, status, owner, failure message.",
            noun: "image task",
            searchFields: { [$0.type, $0.status, $0.owner, $0.message] },
            basic: { task, _ in
                .compact([
                    ("id", .string(task.id)), ("type", task.type.json), ("status", task.status.json), ("owner", task.owner.json),
                ])
            },
            detailed: { task, _ in
                .compact([
                    ("message", task.message.flatMap { $0.isEmpty ? nil : $0 }.json), ("image_id", task.imageID.json),
                    ("created_at", task.createdAt.json), ("updated_at", task.updatedAt.json), ("expires_at", task.expiresAt.json),
                ])
            }
        ).definition
    }
}
