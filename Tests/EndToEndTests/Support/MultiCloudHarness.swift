import CloudSimulator
import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import OpenStackTools
import ServiceLifecycle

/// Several demo clouds (each real HTTP or HTTPS on its own port) behind one real MCP server,
/// each configured as the test says. Nothing is mocked.
struct MultiCloudHarness: Sendable {
    /// One cloud: its demo cloud and how the server is configured for it.
    struct Spec: Sendable {
        var name: String
        var demo = DemoCloudConfiguration()
        var http = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(5), totalTimeout: .seconds(8))
        /// The settings for the demo's Keystone URL (async: token auth first needs a token).
        var settings: @Sendable (URL) async throws -> CloudSettings = { ServerHarness.settings(authURL: $0) }
    }

    let demos: [DemoCloud]
    let clouds: [OpenStackCloud]
    let endpoint: String

    func client() -> MCPTestClient { MCPTestClient(endpoint: endpoint) }

    static func run<T: Sendable>(_ specs: [Spec], _ body: @Sendable @escaping (MultiCloudHarness) async throws -> T)
        async throws -> T
    {
        var logger = Logger(label: "e2e")
        logger.logLevel = .warning
        let demos = specs.map { DemoCloud(configuration: $0.demo, logger: logger) }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            for demo in demos {
                group.addTask {
                    try await demo.run()
                    return nil
                }
            }
            var clouds: [OpenStackCloud] = []
            for (spec, demo) in zip(specs, demos) {
                _ = try await demo.waitUntilListening()
                let settings = try await spec.settings(await demo.authURL)
                clouds.append(try OpenStackCloud(configuration: settings.resolve(name: spec.name, http: spec.http), logger: logger))
            }
            let engine = MCPEngine(registry: ToolRegistry(clouds: CloudSet(clouds), logger: logger))
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let service = MCPHTTPService(options: ServerOptions(port: 0), engine: engine, logger: logger) { port in
                continuation.yield(port)
            }
            let services = ServiceGroup(configuration: .init(services: [service], logger: logger))
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("server did not start") }
            let harness = MultiCloudHarness(demos: demos, clouds: clouds, endpoint: "http://127.0.0.1:\(port)/openstack")
            let outcome: Result<T, Error>
            do { outcome = .success(try await body(harness)) } catch { outcome = .failure(error) }
            await services.triggerGracefulShutdown()
            for cloud in clouds { await cloud.shutdown() }
            group.cancelAll()
            return try outcome.get()
        }
    }
}

/// A throw-away CA with server and client certificates, made once per test run by
/// scripts/demo-certificates.sh (which uses the openssl command line), off the cooperative pool.
enum TestCertificates {
    private static let made = Task { try await OffPool.run { try make() } }

    private static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osmcp-certs-\(UUID().uuidString)")
        let script = BinaryProcess.packageRoot.appendingPathComponent("scripts/demo-certificates.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, folder.path]
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw TestFailure("cannot run \(script): \(error)")
        }
        guard process.terminationStatus == 0 else {
            throw TestFailure("\(script) failed (is the openssl command installed?)")
        }
        return folder
    }

    static func path(_ name: String) async throws -> String { try await made.value.appendingPathComponent(name).path }

    /// The demo cloud's HTTPS files, optionally requiring client certificates.
    static func serverTLS(requireClientCertificate: Bool = false) async throws -> DemoTLS {
        DemoTLS(
            certificatePath: try await path("server.pem"), privateKeyPath: try await path("server.key"),
            clientCAPath: requireClientCertificate ? try await path("ca.pem") : nil)
    }
}

/// Runs blocking work (a child process waited for) on a thread of its own. On the cooperative
/// pool, which has one thread per core, two such waits stall every other test for as long as
/// they last: CI saw a 50-ms timer come back after 17 s while a virtualenv was being made.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}
