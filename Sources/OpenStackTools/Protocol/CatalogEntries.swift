import OpenStackKit

/// A prompt as `prompts/list` declares it.
public struct PromptDeclaration: Sendable {
    /// One argument of a prompt; every value is a string.
    public struct Argument: Sendable {
        public var name: String
        public var description: String
        public var required: Bool

        public init(name: String, description: String, required: Bool) {
            self.name = name
            self.description = description
            self.required = required
        }

        var json: JSONValue { ["name": .string(name), "description": .string(description), "required": .bool(required)] }
    }

    public var name: String
    public var title: String
    public var description: String
    public var arguments: [Argument]

    public var json: JSONValue {
        [
            "name": .string(name), "title": .string(title), "description": .string(description),
            "arguments": .array(arguments.map(\.json)),
        ]
    }
}

/// A concrete resource as `resources/list` declares it.
public struct ResourceEntry: Sendable {
    public var uri: String
    public var name: String
    public var title: String
    public var description: String
    public var mimeType: String

    public var json: JSONValue {
        [
            "uri": .string(uri), "name": .string(name), "title": .string(title), "description": .string(description),
            "mimeType": .string(mimeType),
        ]
    }
}

/// A family of resources as `resources/templates/list` declares it (RFC 6570 URI template).
public struct ResourceTemplate: Sendable {
    public var uriTemplate: String
    public var name: String
    public var title: String
    public var description: String
    public var mimeType: String

    public var json: JSONValue {
        [
            "uriTemplate": .string(uriTemplate), "name": .string(name), "title": .string(title),
            "description": .string(description), "mimeType": .string(mimeType),
        ]
    }
}
