import Hummingbird
import Logging
import ServiceLifecycle

/// The `--metrics-port` listener: `/metrics`, `/healthz` and `/readyz` only, as a
/// ServiceLifecycle service beside the MCP server.
public struct OpsHTTPService: Service {
    let host: String
    let port: Int
    let endpoints: OpsEndpoints
    let logger: Logger
    let onRunning: @Sendable (Int) async -> Void

    /// - Parameter onRunning: called with the bound port once it listens.
    public init(
        host: String, port: Int, endpoints: OpsEndpoints, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.endpoints = endpoints
        self.logger = logger
        self.onRunning = onRunning
    }

    public func run() async throws {
        let endpoints = self.endpoints
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await endpoints.respondOnMetricsPort(to: request)
        }
        let onRunning = self.onRunning
        let app = Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
        do {
            try await app.run()
        } catch {
            throw ListenFailure(error, host: host, port: port, flag: "--metrics-port")
        }
    }
}
