import Foundation
import Hummingbird
import Logging
import NIOCore

/// A simulated OpenStack cloud (Keystone, Nova, Neutron, Cinder, Glance, Placement, Heat, Octavia, Swift) served over
/// real HTTP on one port, with devstack-style path prefixes (`/identity`, `/compute`, ...).
///
/// Create it, call ``run()`` in a task, and ``waitUntilReady()`` for the base URL. Cancel the
/// task to stop it. ``withDemoCloud(_:_:)`` does all of that for tests.
public final class DemoCloud: Sendable {
    /// The configuration the cloud was created with.
    public let configuration: DemoCloudConfiguration
    /// The seeded dataset of RegionOne (generated in `init`, deterministic for a seed).
    public let data: DemoData
    /// RegionTwo's dataset: the same projects, images and networks, a quarter of the servers
    /// (its volumes are not served: RegionTwo has no Cinder).
    public let regionTwoData: DemoData
    let logger: Logger
    let state: CloudState

    /// Generates the dataset; the server starts with ``run()``.
    public init(configuration: DemoCloudConfiguration = .init(), logger: Logger = Logger(label: "demo-cloud")) {
        self.configuration = configuration
        self.data = DemoData(configuration: configuration)
        var second = configuration
        second.servers = configuration.regionTwoServers
        second.diagnosisScenarios = false
        self.regionTwoData = DemoData(configuration: second)
        self.logger = logger
        self.state = CloudState(logLimit: configuration.requestLogLimit)
    }

    /// Serves until the calling task is cancelled, then shuts down. Throws if the port cannot be bound.
    public func run() async throws {
        state.prepareForRun()
        let dispatcher = Dispatcher(
            environment: ServiceEnvironment(data: data, state: state, configuration: configuration),
            regionTwo: ServiceEnvironment(data: regionTwoData, state: state, configuration: configuration)
        )
        let host = configuration.host
        let state = self.state
        let scheme = configuration.tls == nil ? "http" : "https"
        do {
            let app = Application(
                responder: dispatcher,
                server: try DemoTLSServer.builder(configuration.tls),
                configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port)),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    state.markReady(URL(string: "\(scheme)://\(Self.urlHost(host)):\(port)")!)
                },
                logger: ShutdownNoiseFilter.wrap(logger)
            )
            try await app.run()
        } catch {
            state.markFailed()
            if Task.isCancelled || error is CancellationError { return }
            throw error
        }
        state.markFailed()
    }

    /// The base URL once the server is listening, e.g. `http://127.0.0.1:43123`.
    /// If the server failed to start, returns the configured address (connections will be refused).
    public func waitUntilReady() async -> URL {
        if let url = await state.waitUntilReady() { return url }
        return URL(string: "http://\(Self.urlHost(configuration.host)):\(configuration.port)")!
    }

    /// Like ``waitUntilReady()``, but throws ``DemoCloudError/didNotStart`` when the server
    /// stopped (or failed to bind) before it was listening.
    public func waitUntilListening() async throws -> URL {
        guard let url = await state.waitUntilReady() else { throw DemoCloudError.didNotStart }
        return url
    }

    /// The Keystone v3 URL clients authenticate against (base + `/identity/v3`).
    public var authURL: URL {
        get async {
            URL(string: (await waitUntilReady()).absoluteString + "/identity/v3")!
        }
    }

    /// The requests received so far (including failed ones), oldest first: the last
    /// `requestLogLimit` of them at most.
    public func requests() -> [LoggedRequest] {
        state.requests()
    }

    /// Forgets the logged requests.
    public func resetRequestLog() {
        state.resetRequestLog()
    }

    /// Number of logged requests with this method whose path (without query) starts with `pathPrefix`.
    public func count(method: String, pathPrefix: String) -> Int {
        state.count(method: method, pathPrefix: pathPrefix)
    }

    /// Deletes an application credential, as `openstack application credential delete` does:
    /// its tokens are revoked and it authenticates no more.
    public func revokeApplicationCredential(_ id: String) {
        state.revokeCredential(id)
    }

    /// Invalidates every issued token: further requests with them get 401.
    public func revokeAllTokens() {
        state.revokeAllTokens()
    }

    /// Injects `fault` for paths starting with `prefix` (the longest matching prefix wins); `nil` clears it.
    /// It lets the first `skip` matching requests through, and ends after `times` faults (nil: never).
    public func setFault(_ fault: Fault?, forPathPrefix prefix: String, skip: Int = 0, times: Int? = nil) {
        state.setFault(fault, forPathPrefix: prefix, skip: skip, times: times)
    }

    /// Injects `fault` for exactly this path (a trailing slash does not count), ahead of any prefix rule.
    public func setFault(_ fault: Fault?, forExactPath path: String, skip: Int = 0, times: Int? = nil) {
        state.setFault(fault, forPathPrefix: path, exact: true, skip: skip, times: times)
    }

    /// Removes every injected fault (hanging requests then complete normally).
    public func clearFaults() {
        state.clearFaults()
    }

    /// Host as it appears in a URL: wildcard addresses become loopback, IPv6 gets brackets.
    static func urlHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::": return "[::1]"
        default: return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
    }
}

/// Errors raised by ``withDemoCloud(_:_:)``.
public enum DemoCloudError: Error, Sendable {
    /// The server stopped before it was listening.
    case didNotStart
}

/// Starts a ``DemoCloud``, runs `body` with it and its base URL, then stops the cloud.
public func withDemoCloud<T: Sendable>(
    _ configuration: DemoCloudConfiguration = .init(),
    _ body: @Sendable (DemoCloud, URL) async throws -> T
) async throws -> T {
    var logger = Logger(label: "demo-cloud")
    logger.logLevel = .warning
    let cloud = DemoCloud(configuration: configuration, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
        group.addTask { try await cloud.run() }
        guard let url = await cloud.state.waitUntilReady() else {
            try await group.waitForAll()
            throw DemoCloudError.didNotStart
        }
        let result = try await body(cloud, url)
        group.cancelAll()
        return result
    }
}
