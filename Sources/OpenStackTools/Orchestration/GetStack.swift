import Foundation
import OpenStackKit

/// `get_stack`: one Heat stack with its outputs and parameters.
enum GetStack {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_stack", title: "Show one Heat stack",
            description: "One Heat stack by ID or name: status and reason, outputs, parameters (secrets redacted).",
            inputSchema: Schema.object(["id": Schema.string("Stack ID or name")], required: ["id"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let found = try await StackFinder.find(try arguments.string("id"), argument: "id", cloud: cloud)
            let shown = try await cloud.get(.orchestration, path: found.showPath).json["stack"] ?? .null
            return ShowOutput.result(
                item: Redactor.redact(.object(StackColumns.summary(try Stack(json: shown)))), cloud: cloud.name,
                region: await cloud.effectiveRegion())
        }
    }
}
