import Logging
import OpenStackKit

/// Limits applied to every tool result.
public struct ToolSettings: Sendable {
    /// Largest answer text (compact JSON, so bytes bound its characters) before a list is cut
    /// with a cursor. 50,000 by default: Claude Code moves longer answers into a file.
    public var maxResultBytes: Int
    /// Time one call may spend on OpenStack, all its requests together (`--call-timeout`).
    public var callTimeout: Duration = .seconds(120)

    public init(maxResultBytes: Int = Self.defaultMaxResultBytes) { self.maxResultBytes = maxResultBytes }

    public static let defaultMaxResultBytes = 50_000
}

/// What a tool handler may use.
public struct ToolContext: Sendable {
    public let clouds: CloudSet
    public let settings: ToolSettings
    public let logger: Logger
}

/// One tool: its name, schemas, annotations and handler, declared together.
public struct ToolDefinition: Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let inputSchema: JSONValue
    public let outputSchema: JSONValue
    /// Whether the tool asks one cloud, and so takes the `cloud` and `region` arguments.
    public let cloudScoped: Bool
    /// Returns a result; throws only `ToolArgumentError`, `OpenStackError` or bugs.
    public let handler: @Sendable (ToolContext, ToolArguments) async throws -> ToolResult

    public init(
        name: String, title: String, description: String, inputSchema: JSONValue, outputSchema: JSONValue,
        cloudScoped: Bool = true, handler: @escaping @Sendable (ToolContext, ToolArguments) async throws -> ToolResult
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.cloudScoped = cloudScoped
        self.handler = handler
    }

    /// The declaration `tools/list` shows, with the annotations every read-only tool carries.
    public var declaration: JSONValue {
        [
            "name": .string(name), "title": .string(title), "description": .string(description),
            "inputSchema": inputSchema, "outputSchema": outputSchema,
            "annotations": [
                "title": .string(title), "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true,
                "openWorldHint": true,
            ],
        ]
    }
}
