import Logging
import MCP
import OpenStackKit

/// Limits applied to every tool result.
public struct ToolSettings: Sendable {
    /// Largest `items` payload (bytes of compact JSON) a result may carry before it is cut with a cursor.
    public var maxResultBytes: Int

    public init(maxResultBytes: Int = 256 * 1024) { self.maxResultBytes = maxResultBytes }
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
    /// Returns a result; throws only `ToolArgumentError`, `OpenStackError` or bugs.
    public let handler: @Sendable (ToolContext, ToolArguments) async throws -> CallTool.Result

    public init(
        name: String, title: String, description: String, inputSchema: Value, outputSchema: Value,
        handler: @escaping @Sendable (ToolContext, ToolArguments) async throws -> CallTool.Result
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
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
