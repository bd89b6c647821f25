import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The Streamable HTTP server, as a ServiceLifecycle service.
public struct MCPHTTPService: Service {
    let options: ServerOptions
    let engine: MCPEngine
    let logger: Logger
    let authenticator: HTTPAuthenticator
    let identity: CallerIdentity?
    let onRunning: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - authenticator: who may call `/openstack`; by default anyone.
    ///   - identity: with `--identity caller`, each request reads as its own caller; nil: as the server.
    ///   - onRunning: called with the bound port once the server listens.
    public init(
        options: ServerOptions, engine: MCPEngine, logger: Logger, authenticator: HTTPAuthenticator? = nil,
        identity: CallerIdentity? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.options = options
        self.engine = engine
        self.logger = logger
        self.authenticator = authenticator ?? .open(logger: logger)
        self.identity = identity
        self.onRunning = onRunning
    }

    public func run() async throws {
        let sessions = options.stateful ? SessionStore(options: options, logger: logger) : nil
        let handler = MCPHTTPHandler(
            options: options, engine: engine, sessions: sessions, authenticator: authenticator, identity: identity,
            logger: logger)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in await handler.respond(to: request) }
        var services: [any Service] = []
        if let sessions { services.append(SessionReaper(sessions: sessions)) }
        if authenticator.isEnabled {
            services.append(AuthReloadService(authenticator: authenticator))
            await authenticator.prefetch()
        }
        let onRunning = self.onRunning
        let window = TimeAmount(options.lameDuckWindow)
        let app = Application(
            responder: responder,
            // The autoclosure makes a LameDuckHandler per connection: it counts that connection's requests.
            server: .http1(configuration: .init(additionalChannelHandlers: [LameDuckHandler(window: window)])),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await withGracefulShutdownHandler {
            try await app.run()
        } onGracefulShutdown: {
            // Finishing the GET streams lets the HTTP server drain; the sessions stay for the calls
            // still arriving on open connections.
            if let sessions { Task { await sessions.drain() } }
        }
    }
}

/// Closes idle and old sessions every few seconds.
struct SessionReaper: Service {
    let sessions: SessionStore

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // The wait ends at shutdown: a plain sleep would hold the whole shutdown for up to 5 s.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
            await sessions.reap()
        }
    }
}
