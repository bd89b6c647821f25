import Foundation
import Logging
import MCP

/// Serves MCP over stdin/stdout. stdout carries only JSON-RPC; logs go to stderr.
public struct StdioRunner: Sendable {
    let factory: MCPServerFactory
    let logger: Logger

    public init(factory: MCPServerFactory, logger: Logger) {
        self.factory = factory
        self.logger = logger
    }

    /// Runs until stdin closes.
    public func run() async throws {
        let server = await factory.makeServer()
        let transport = FastToolCallTransport(
            wrapping: StdioTransport(logger: logger), fastPath: ToolCallFastPath(registry: factory.registry), logger: logger)
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
    }
}
