import Foundation
import OpenStackKit

/// What the Heat tools share: how deep they look into nested stacks, the fields of a stack, the
/// `stack` argument.
enum StackColumns {
    /// How deep `get_stack_resources` and `describe_stack` look into nested stacks by default, and
    /// at most. Heat's own CLI default is 0; 2 reaches a template resource's own resources, and 5
    /// is where Heat's answer for a wide tree grows past what an answer should hold.
    static let defaultDepth = 2
    static let maxDepth = 5

    /// The fields of a shown stack an operator reads.
    static func summary(_ stack: Stack) -> [String: JSONValue] {
        let outputs = (stack.raw["outputs"]?.arrayValue ?? []).map { output -> JSONValue in
            .object(.compact([
                ("output_key", output["output_key"]), ("output_value", output["output_value"]),
                ("description", output["description"]), ("output_error", output["output_error"]),
            ]))
        }
        return .compact([
            ("id", .string(stack.id)), ("stack_name", .string(stack.name)), ("stack_status", stack.status.json),
            ("stack_status_reason", stack.statusReason.json), ("description", stack.raw["description"]),
            ("creation_time", stack.createdAt.json), ("updated_time", stack.updatedAt.json),
            ("project_id", stack.projectID.json), ("parent", stack.parentID.json), ("tags", stack.raw["tags"]),
            ("timeout_mins", stack.raw["timeout_mins"]), ("disable_rollback", stack.raw["disable_rollback"]),
            ("parameters", stack.raw["parameters"]), ("outputs", .array(outputs)),
        ])
    }

    static let stackProperty = Schema.string("Stack ID or name")
}
