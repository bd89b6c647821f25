import Foundation

/// The HOT template a demo stack was made from (`GET /stacks/{name}/{id}/template`): its
/// parameters with their defaults, its resources and outputs. A parameter Heat shows as `******`
/// is hidden, and its default in the template is a canary, as a real template can hold a password.
enum DemoStackTemplate {
    static func template(of stack: DemoStack) -> JSON {
        let parameters = stack.parameters.filter { !$0.0.hasPrefix("OS::") }.map { name, value -> JSONMember in
            let hidden = value == "******"
            var definition: JSON = [
                "type": Int(value) == nil ? "string" : "number",
                "description": .string(hidden ? "Password of the \(name.replacingOccurrences(of: "_password", with: "")) account" : "The \(name)"),
            ]
            if hidden {
                definition.set("hidden", true)
                definition.set("default", .string(DemoCanaries.stackTemplateDefault))
            } else {
                definition.set("default", Int(value).map(JSON.int) ?? .string(value))
            }
            return JSONMember(key: name, value: definition)
        }
        let resources = stack.resources.map { resource -> JSONMember in
            var properties: JSON = [:]
            if resource.type == "OS::Nova::Server", let flavor = stack.parameters.first(where: { $0.0 == "flavor" }) {
                properties.set("flavor", ["get_param": .string(flavor.0)])
            }
            return JSONMember(key: resource.name, value: ["type": .string(resource.type), "properties": properties])
        }
        let outputs = stack.outputs.map { output in
            JSONMember(key: output.key, value: ["description": .string(output.description), "value": ["get_attr": [.string(output.key)]]])
        }
        return [
            "heat_template_version": "2021-04-16",
            "description": .string("Demo stack \(stack.name)"),
            "parameters": .object(parameters),
            "resources": .object(resources),
            "outputs": .object(outputs),
        ]
    }
}
