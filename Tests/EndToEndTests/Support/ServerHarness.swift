import CloudSimulator
import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import OpenStackTools
import ServiceLifecycle

/// A running MCP server (real Hummingbird HTTP on an ephemeral port) in front of a running demo
/// cloud (real HTTP on another ephemeral port). Nothing is mocked.
struct ServerHarness: Sendable {
    let cloud: DemoCloud
    let endpoint: String
    let openstack: OpenStackCloud
    /// Begins the server's graceful shutdown, as SIGTERM does (the harness waits for it to end).
    let beginShutdown: @Sendable () async -> Void

    func client() -> MCPTestClient { MCPTestClient(endpoint: endpoint) }

    /// Credentials for the demo cloud's admin (or another user).
    static func settings(authURL: URL, user: String = DemoCloud.adminUser, password: String = DemoCloud.adminPassword,
                         project: String = DemoCloud.adminProject) -> CloudSettings {
        var settings = CloudSettings()
        settings.authURL = authURL.absoluteString
        settings.username = user
        settings.password = password
        settings.projectName = project
        return settings
    }

    /// Runs `body` with a demo cloud and a server; both stop afterwards.
    static func run<T: Sendable>(
        servers: Int = 48, options: ServerOptions = ServerOptions(port: 0),
        http: HTTPSettings = HTTPSettings(connectTimeout: .seconds(5), readTimeout: .seconds(20), totalTimeout: .seconds(30)),
        user: String = DemoCloud.adminUser, password: String = DemoCloud.adminPassword,
        project: String = DemoCloud.adminProject, maxResultBytes: Int = ToolSettings.defaultMaxResultBytes, computeMicroversion: Int = 100,
        volumeMicroversion: Int = 71, placementMicroversion: Int = 39,
        computeMaxLimit: Int = 1000, imageMaxLimit: Int = 1000, logs: CapturedLogs? = nil,
        enabledTools: Set<String>? = nil, services: Set<ServiceType>? = nil,
        authenticator: HTTPAuthenticator? = nil, callTimeout: Duration = .seconds(120),
        identity: CallerIdentitySettings? = nil, demo: DemoCloudConfiguration? = nil, logLevel: Logger.Level = .warning,
        _ body: @Sendable @escaping (ServerHarness) async throws -> T
    ) async throws -> T {
        var configuration = demo ?? DemoCloudConfiguration(servers: servers)
        configuration.computeMicroversion = computeMicroversion
        configuration.volumeMicroversion = volumeMicroversion
        configuration.placementMicroversion = placementMicroversion
        configuration.computeMaxLimit = computeMaxLimit
        configuration.imageMaxLimit = imageMaxLimit
        return try await withDemoCloud(configuration) { demo, _ in
            let authURL = await demo.authURL
            let configuration = try settings(authURL: authURL, user: user, password: password, project: project)
                .resolve(name: "demo", http: http, credentials: identity == nil)
            var logger = logs.map { Logger(label: "e2e", factory: $0.handler) } ?? Logger(label: "e2e")
            logger.logLevel = logLevel
            let openstack = try OpenStackCloud(configuration: configuration, logger: logger)
            var toolSettings = ToolSettings(maxResultBytes: maxResultBytes)
            toolSettings.callTimeout = callTimeout
            let registry = ToolRegistry(
                clouds: CloudSet([openstack]), settings: toolSettings, logger: logger,
                enabled: enabledTools, services: services)
            let engine = MCPEngine(registry: registry)
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let callers = identity.map { CallerIdentity(base: openstack, settings: $0) }
            let service = MCPHTTPService(
                options: options, engine: engine, logger: logger, authenticator: authenticator, identity: callers
            ) { port in
                continuation.yield(port)
            }
            defer { Task { await openstack.shutdown() } }
            let services = ServiceGroup(configuration: .init(services: [service], logger: logger))
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await services.run()
                    return nil
                }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw TestFailure("server did not start") }
                let harness = ServerHarness(
                    cloud: demo, endpoint: "http://127.0.0.1:\(port)/openstack", openstack: openstack,
                    beginShutdown: { await services.triggerGracefulShutdown() })
                let result = try await body(harness)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            }
        }
    }
}
