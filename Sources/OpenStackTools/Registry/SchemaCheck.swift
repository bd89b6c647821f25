import OpenStackKit

/// Argument checking driven by each tool's `inputSchema`, done once in the registry before any
/// handler runs: unknown arguments, types, closed vocabularies (`enum`), integer ranges and
/// required arguments. Nothing reaches OpenStack with an argument the schema does not allow.
extension ToolDefinition {
    func check(_ arguments: ToolArguments) throws {
        let schema = inputSchema.objectValue ?? [:]
        let properties = schema["properties"]?.objectValue ?? [:]
        for (name, value) in arguments.values.sorted(by: { $0.key < $1.key }) {
            guard let property = properties[name]?.objectValue else {
                throw ToolArgumentError(
                    argument: name,
                    problem: "this tool has no such argument; allowed: \(properties.keys.sorted().joined(separator: ", "))")
            }
            if value != .null { try Self.check(value, against: property, name: name) }
        }
        for case .string(let name) in schema["required"]?.arrayValue ?? [] {
            if arguments.values[name] == nil || arguments.values[name] == .null {
                let what = properties[name]?.objectValue?["description"]?.stringValue ?? "a value"
                throw ToolArgumentError(argument: name, problem: "required: \(what)")
            }
        }
    }

    private static func check(_ value: JSONValue, against property: [String: JSONValue], name: String) throws {
        switch property["type"]?.stringValue {
        case "string":
            guard case .string(let text) = value else {
                throw ToolArgumentError(argument: name, problem: "expected a string")
            }
            if let allowed = property["enum"]?.arrayValue?.compactMap(\.stringValue),
                !allowed.contains(where: { $0.caseInsensitiveCompare(text.trimmingCharacters(in: .whitespaces)) == .orderedSame })
            {
                throw ToolArgumentError(
                    argument: name, problem: "'\(text)' is not allowed; allowed: \(allowed.joined(separator: ", "))")
            }
        case "integer":
            let number: Int?
            switch value {
            case .int(let int): number = int
            case .double(let double): number = Int(exactly: double)
            case .string(let text): number = Int(text.trimmingCharacters(in: .whitespaces))
            default: number = nil
            }
            guard let number else { throw ToolArgumentError(argument: name, problem: "expected an integer") }
            let minimum = property["minimum"]?.intValue ?? Int.min
            let maximum = property["maximum"]?.intValue ?? Int.max
            guard (minimum...maximum).contains(number) else {
                throw ToolArgumentError(
                    argument: name, problem: "\(number) is out of range; allowed: \(minimum)–\(maximum)")
            }
        case "boolean":
            switch value {
            case .bool: break
            case .string(let text) where ["true", "false"].contains(text.lowercased()): break
            default: throw ToolArgumentError(argument: name, problem: "expected true or false")
            }
        default:
            break
        }
    }

    /// The same tool with the `cloud` and `region` arguments every cloud tool takes: added here,
    /// by one rule, rather than declared by each tool.
    func addingCloudScope() -> ToolDefinition {
        guard cloudScoped, var schema = inputSchema.objectValue, var properties = schema["properties"]?.objectValue else {
            return self
        }
        properties["cloud"] = Schema.cloudProperty
        properties["region"] = Schema.regionProperty
        schema["properties"] = .object(properties)
        return ToolDefinition(
            name: name, title: title, description: description, inputSchema: .object(schema), outputSchema: outputSchema,
            cloudScoped: cloudScoped, handler: handler)
    }
}
