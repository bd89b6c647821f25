import Foundation
import OpenStackKit

/// `get_stacks`: Heat stacks, newest first.
enum GetStacks {
    static var definition: ToolDefinition {
        ListTool<Stack>(
            name: "get_stacks", title: "List Heat stacks",
            description: "List Heat stacks, newest first: status, status reason, created and updated.",
            noun: "stack",
            searchFields: { [$0.name] },
            basic: { stack, _ in
                .compact([("id", .string(stack.id)), ("stack_name", .string(stack.name)), ("stack_status", stack.status.json)])
            },
            detailed: { stack, _ in
                .compact([
                    ("stack_status_reason", stack.statusReason.json), ("creation_time", stack.createdAt.json),
                    ("updated_time", stack.updatedAt.json), ("project_id", stack.projectID.json), ("parent", stack.parentID.json),
                ])
            }
        ).definition
    }
}
