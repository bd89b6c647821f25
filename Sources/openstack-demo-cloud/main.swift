import ArgumentParser
import CloudSimulator
import Dispatch
import Foundation
import Logging

/// `openstack-demo-cloud`: serve the simulated OpenStack cloud until SIGINT/SIGTERM.
struct DemoCloudCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openstack-demo-cloud",
        abstract: "Serve a simulated OpenStack cloud (Keystone, Nova, Neutron, Cinder, Glance, Placement, Heat, Octavia, Swift) over HTTP."
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0 = any free port).")
    var port = 5050

    @Option(help: "Number of servers to generate.")
    var servers = 48

    @Option(help: "Seed of the generated data.")
    var seed: UInt64 = 42

    @Option(help: "Newest Nova microversion served, 2.<n> (1-100); e.g. 87 plays a cloud whose hypervisors still report usage.")
    var computeMicroversion = 100

    @Option(help: "Serve HTTPS with this PEM certificate (scripts/demo-certificates.sh makes one, with its CA).")
    var tlsCert: String?

    @Option(help: "Private key (PEM) of --tls-cert.")
    var tlsKey: String?

    @Option(help: "Require client certificates signed by this CA (PEM); needs --tls-cert.")
    var tlsClientCA: String?

    @Option(help: "Seconds Keystone's clock is off (negative: behind), to try clock-skew handling.")
    var clockSkew: Double = 0

    func run() async throws {
        var logger = Logger(label: "openstack-demo-cloud")
        logger.logLevel = .warning
        var tls: DemoTLS?
        if let tlsCert {
            guard let tlsKey else { throw ValidationError("--tls-cert needs --tls-key") }
            tls = DemoTLS(certificatePath: tlsCert, privateKeyPath: tlsKey, clientCAPath: tlsClientCA)
        }
        var configuration = DemoCloudConfiguration(
            servers: servers, seed: seed, host: host, port: port, tls: tls, clockSkew: clockSkew)
        configuration.computeMicroversion = computeMicroversion
        let cloud = DemoCloud(configuration: configuration, logger: logger)
        let server = Task { try await cloud.run() }
        let trap = SignalTrap(signals: [SIGINT, SIGTERM]) { server.cancel() }
        defer { trap.cancel() }

        let base: URL
        do {
            base = try await cloud.waitUntilListening()
        } catch {
            try await server.value
            throw error
        }
        let text = Self.facts(base: base, cloud: cloud).joined(separator: "\n") + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
        try await server.value
    }

    static func facts(base: URL, cloud: DemoCloud) -> [String] {
        let auth = base.absoluteString + "/identity/v3"
        let data = cloud.data
        return [
            "OpenStack demo cloud listening on \(base.absoluteString)",
            "auth URL: \(auth)",
            "data: \(data.servers.count) servers, \(data.volumes.count) volumes, \(data.images.count) images, \(data.hypervisorHosts.count) compute hosts (seed \(data.seed))",
            "regions: \(DemoCloud.region) (every service), \(DemoCloud.regionTwo) (\(cloud.regionTwoData.servers.count) servers; no Cinder, no Placement)",
            "admin: user \(DemoCloud.adminUser) / \(DemoCloud.adminPassword), project \(DemoCloud.adminProject)",
            "member: user \(DemoCloud.memberUser) / \(DemoCloud.memberPassword), project \(DemoCloud.memberProject)",
            "reader: user \(DemoCloud.readerUser) / \(DemoCloud.readerPassword), project \(DemoCloud.memberProject)",
            "application credential: \(DemoCloud.applicationCredentialID) / \(DemoCloud.applicationCredentialSecret)",
            "export OS_AUTH_URL=\(auth) OS_USERNAME=\(DemoCloud.adminUser) OS_PASSWORD=\(DemoCloud.adminPassword) "
                + "OS_PROJECT_NAME=\(DemoCloud.adminProject) OS_USER_DOMAIN_NAME=\(DemoCloud.domainName) "
                + "OS_PROJECT_DOMAIN_NAME=\(DemoCloud.domainName) OS_REGION_NAME=\(DemoCloud.region) OS_IDENTITY_API_VERSION=3",
        ]
    }
}

/// Turns SIGINT/SIGTERM into a callback (instead of killing the process) while alive.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            #if canImport(Darwin)
            // Dispatch delivers signals through kqueue on Darwin, which requires ignoring the default action;
            // on Linux it installs its own handler.
            signal(number, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}

do {
    let command = try DemoCloudCommand.parse()
    try await command.run()
} catch {
    DemoCloudCommand.exit(withError: error)
}
