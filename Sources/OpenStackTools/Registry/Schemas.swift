import MCP

/// JSON Schema fragments shared by the tools.
enum Schema {
    static func string(_ description: String) -> Value {
        ["type": "string", "description": .string(description)]
    }

    static func boolean(_ description: String, default value: Bool) -> Value {
        ["type": "boolean", "description": .string(description), "default": .bool(value)]
    }

    static func enumeration(_ values: [String], _ description: String) -> Value {
        ["type": "string", "enum": .array(values.map(Value.string)), "description": .string(description)]
    }

    /// The parameters every list tool takes: filter, limit, detail_level, cursor, cloud and region.
    static func listProperties(noun: String) -> [String: Value] {
        [
            "filter": string("Case-insensitive substring of the \(noun) name, or a substring of its ID."),
            "limit": [
                "type": "integer", "minimum": 1, "maximum": 1000, "default": 100,
                "description": "Most items to return (1-1000).",
            ],
            "detail_level": [
                "type": "string", "enum": ["basic", "detailed", "full"], "default": "detailed",
                "description":
                    "basic: the columns of the openstack CLI list; detailed: plus what an operator needs next; full: the whole API object (secrets redacted).",
            ],
            "cursor": string("Opaque next_cursor from a previous call of this tool, to continue the list."),
            "cloud": cloudProperty,
            "region": regionProperty,
        ]
    }

    /// The `cloud` argument every tool takes.
    static let cloudProperty = string("Which configured cloud to ask (get_clouds lists them); default: the first.")

    /// The `region` argument every cloud tool takes.
    static let regionProperty = string(
        "Which region of the cloud to ask (get_clouds lists them); default: the configured region, else the first in the catalog.")

    static func object(_ properties: [String: Value]) -> Value {
        ["type": "object", "properties": .object(properties), "additionalProperties": false]
    }

    /// The output every list tool declares.
    static let listOutput: Value = [
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
    static let showOutput: Value = [
        "type": "object",
        "properties": [
            "item": ["type": "object", "description": "The resource."],
            "cloud": ["type": "string"],
            "region": ["type": "string"],
        ],
        "required": ["item", "cloud"],
    ]
}
