import Logging
import MCP
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
    public let inputSchema: Value
    public let outputSchema: Value
    /// Whether the tool asks one cloud, and so takes the `cloud` and `region` arguments.
    public let cloudScoped: Bool
    /// Returns a result; throws only `ToolArgumentError`, `OpenStackError` or bugs.
    public let handler: @Sendable (ToolContext, ToolArguments) async throws -> CallTool.Result

    public init(
        name: String, title: String, description: String, inputSchema: Value, outputSchema: Value,
        cloudScoped: Bool = true, handler: @escaping @Sendable (ToolContext, ToolArguments) async throws -> CallTool.Result
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.cloudScoped = cloudScoped
        self.handler = handler
    }

    /// The MCP declaration, with read-only annotations.
    public var tool: Tool {
        Tool(
            name: name, title: title, description: description, inputSchema: inputSchema,
            annotations: .init(
                title: title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true),
            outputSchema: outputSchema)
    }
}
