import Foundation
import OpenStackKit

/// `get_stack_template`: the template a stack was made from, with secret parameters' defaults masked.
enum GetStackTemplate {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_stack_template", title: "Show a Heat stack's template",
            description: "The template of a Heat stack (parameters, resources, outputs); secret parameters' defaults masked.",
            inputSchema: Schema.object(["stack": Schema.string("Stack ID or name")], required: ["stack"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let stack = try await StackFinder.find(try arguments.string("stack"), argument: "stack", cloud: cloud)
            let template = try StackTemplate(json: try await cloud.get(.orchestration, path: StackTemplate.path(of: stack)).json)
            let item: [String: JSONValue] = .compact([
                ("stack_id", .string(stack.id)), ("stack_name", .string(stack.name)),
                ("template_version", template.version.json), ("description", template.description.json),
                ("masked_parameters", .array(template.secretParameters.map(JSONValue.string))),
                ("template", template.redacted),
            ])
            return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
