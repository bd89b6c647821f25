import OpenStackKit

/// JSON Schema fragments shared by the tools.
enum Schema {
    /// A string argument; an empty description is left out (the name says enough).
    static func string(_ description: String) -> JSONValue {
        described(["type": "string"], description)
    }

    static func boolean(_ description: String, default value: Bool) -> JSONValue {
        described(["type": "boolean", "default": .bool(value)], description)
    }

    static func enumeration(_ values: [String], _ description: String) -> JSONValue {
        described(["type": "string", "enum": .array(values.map(JSONValue.string))], description)
    }

    private static func described(_ schema: [String: JSONValue], _ description: String) -> JSONValue {
        var schema = schema
        if !description.isEmpty { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// The parameters every list tool takes: filter, limit, detail_level and cursor (cloud and
    /// region are added to every tool by the registry). Bare on purpose: a model reads them on
    /// every turn, for every tool; what they mean is said once, in the server's instructions.
    static func listProperties(noun: String) -> [String: JSONValue] {
        [
            "filter": ["type": "string"],
            "limit": ["type": "integer", "minimum": 1, "maximum": 1000],
            "detail_level": detailLevel,
            "cursor": ["type": "string"],
        ]
    }

    /// The `cloud` argument of every cloud tool (get_clouds lists the names).
    static let cloudProperty: JSONValue = ["type": "string"]

    /// The `region` argument of every cloud tool (get_clouds lists the regions).
    static let regionProperty: JSONValue = ["type": "string"]

    /// An object schema; `required` names the arguments a call must give.
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    /// The output every list tool declares.
    static let listOutput: JSONValue = [
        "type": "object",
        "properties": [
            "items": ["type": "array", "items": ["type": "object"]],
            "count": ["type": "integer", "description": "Number of items in this answer."],
            "next_cursor": ["type": "string", "description": "Pass as cursor to get the next items."],
            "truncated": ["type": "boolean", "description": "True when the answer was cut by the size cap."],
            "cloud": ["type": "string"],
            "region": ["type": "string"],
        ],
        "required": ["items", "count", "truncated", "cloud"],
    ]

    /// The output every show tool declares.
    static let showOutput: JSONValue = [
        "type": "object",
        "properties": [
            "item": ["type": "object", "description": "The resource."],
            "cloud": ["type": "string"],
            "region": ["type": "string"],
        ],
        "required": ["item", "cloud"],
    ]
}

extension Schema {
    /// The schema entries of a declared resource's filters.
    static func filters(of declaration: ResourceDeclaration) -> [String: JSONValue] {
        declaration.schemaProperties
    }
}

extension ResourceDeclaration {
    /// The list request for a tool call's arguments (the declared filters that are set).
    func request(_ arguments: ToolArguments) throws -> ListRequest {
        try listRequest(arguments.values)
    }
}
