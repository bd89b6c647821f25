import Foundation
import OpenStackKit

/// `get_image_tasks`: Glance's asynchronous tasks (imports), newest first; admin by default policy.
/// Glance's list leaves out why a task failed, so at `detailed` each failed task of the page (the
/// first `failuresRead`) is read on its own for its message and image.
enum GetImageTasks {
    static let failuresRead = 10

    static var definition: ToolDefinition {
        ListTool<ImageTask>(
            name: "get_image_tasks", title: "List image tasks (admin)",
            description: "Admin: list Glance tasks (image imports): type, status, owner; why failed ones failed.",
            noun: "image task",
            searchFields: { [$0.type, $0.status, $0.owner] },
            lookups: { cloud, tasks in
                let failed = tasks.filter { $0.status == "failure" }.prefix(failuresRead).map(\.id)
                let shown = await BoundedConcurrency.map(Array(failed), limit: 4) { id in
                    try await cloud.get(.image, path: ImageTask.declaration.itemPath(id)).json
                }
                return Lookups(values: ["task": shown])
            },
            basic: { task, _ in
                .compact([
                    ("id", .string(task.id)), ("type", task.type.json), ("status", task.status.json), ("owner", task.owner.json),
                ])
            },
            detailed: { task, found in
                let shown = found.values["task"]?[task.id].flatMap { try? ImageTask(json: $0) }
                return .compact([
                    ("message", (shown?.message ?? task.message).flatMap { $0.isEmpty ? nil : $0 }.json),
                    ("image_id", (shown?.imageID ?? task.imageID).json),
                    ("created_at", task.createdAt.json), ("updated_at", task.updatedAt.json), ("expires_at", task.expiresAt.json),
                ])
            },
            lookupLevels: [.detailed]
        ).definition
    }
}
