import CloudSimulator
import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import OpenStackTools
import ServiceLifecycle

/// A startup failure, printed as one line.
struct LaunchError: Error {
    var message: String
}

/// Turns the command line into a running server.
struct Launcher {
    let command: Command

    func run() async throws {
        let logger = try makeLogger()
        try validate()
        if command.demo.demo {
            let demo = DemoCloud(configuration: .init(servers: command.demo.demoServers), logger: quiet(logger))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await demo.run() }
                let authURL = await demo.authURL
                var settings = CloudSettings()
                settings.authURL = authURL.absoluteString
                settings.username = DemoCloud.adminUser
                settings.password = DemoCloud.adminPassword
                settings.projectName = DemoCloud.adminProject
                settings.userDomainName = DemoCloud.domainName
                settings.projectDomainName = DemoCloud.domainName
                try await serve(settings: settings, cloudName: "demo", logger: logger, demoURL: authURL)
                group.cancelAll()
            }
        } else {
            let settings = try cloudSettings()
            try await serve(settings: settings, cloudName: "default", logger: logger, demoURL: nil)
        }
    }

    private func serve(settings: CloudSettings, cloudName: String, logger: Logger, demoURL: URL?) async throws {
        let http = HTTPSettings(
            connectTimeout: .seconds(command.server.connectTimeout), readTimeout: .seconds(command.server.timeout),
            totalTimeout: .seconds(command.server.timeout))
        let configuration: CloudConfiguration
        do {
            configuration = try settings.resolve(name: cloudName, http: http)
        } catch let error as OpenStackError {
            throw LaunchError(message: "\(error.message). Next step: \(error.nextStep)")
        }
        if configuration.http.insecure {
            logger.warning("TLS verification is OFF (--insecure): anyone on the path can read the credentials")
        }
        let cloud = try OpenStackCloud(configuration: configuration, logger: logger)
        do {
            let token = try await cloud.token()
            if token.catalog.entries.isEmpty {
                throw OpenStackError(
                    kind: .configuration, service: "Keystone",
                    message: "Keystone returned a token without a service catalog (it is not scoped to a project)",
                    nextStep: "pass --project-name (or set OS_PROJECT_NAME), or give the user a default project")
            }
            logger.info(
                "authenticated",
                metadata: [
                    "cloud": "\(cloudName)", "auth_url": "\(configuration.auth.authURL.absoluteString)",
                    "project": "\(token.projectName ?? "-")", "regions": "\(token.catalog.regions.joined(separator: ","))",
                ])
        } catch let error as OpenStackError {
            await cloud.shutdown()
            throw LaunchError(message: Redactor.scrub(error.description, secrets: configuration.auth.secrets))
        }
        let registry = ToolRegistry(
            clouds: CloudSet([cloud]), settings: ToolSettings(maxResultBytes: command.server.maxResultBytes), logger: logger)
        let factory = MCPServerFactory(registry: registry)
        defer { Task { await cloud.shutdown() } }

        switch command.server.transport {
        case .stdio:
            try await StdioRunner(factory: factory, logger: logger).run()
        case .http:
            let options = serverOptions()
            let service = MCPHTTPService(options: options, factory: factory, logger: logger) { port in
                announce(port: port, options: options, demoURL: demoURL)
            }
            var configuration = ServiceGroupConfiguration(
                services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            // Open SSE streams must not hold the process: after the grace period they are cut.
            configuration.maximumGracefulShutdownDuration = options.shutdownGrace
            configuration.maximumCancellationDuration = .seconds(2)
            let group = ServiceGroup(configuration: configuration)
            do {
                try await group.run()
            } catch {
                throw LaunchError(message: "the HTTP server stopped: \(error). Is port \(options.port) already in use?")
            }
        }
    }

    private func serverOptions() -> ServerOptions {
        ServerOptions(
            host: command.server.host, port: command.server.port, jsonResponse: command.server.jsonResponse,
            stateful: command.server.stateful, allowedHosts: command.server.allowedHost,
            allowedOrigins: command.server.allowedOrigin, maxBodyBytes: command.server.maxBodyBytes,
            sessionIdleTimeout: .seconds(command.server.sessionIdleMinutes * 60), maxSessions: command.server.maxSessions)
    }

    private func announce(port: Int, options: ServerOptions, demoURL: URL?) {
        let endpoint = "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(port)/openstack"
        var lines = ["openstack-mcp-server listening on \(endpoint) (\(options.jsonResponse ? "JSON" : "SSE") answers, \(options.stateful ? "stateful" : "stateless"))"]
        if let demoURL {
            lines.append("demo cloud (simulated OpenStack) at \(demoURL.absoluteString)")
            lines.append("connect: npx @modelcontextprotocol/inspector  → Streamable HTTP → \(endpoint)")
            lines.append("     or: claude mcp add --transport http openstack \(endpoint)")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func cloudSettings() throws -> CloudSettings {
        let flags = command.cloud
        var settings = CloudSettings()
        settings.authURL = flags.authURL
        settings.username = flags.username
        settings.password = flags.password
        if let path = flags.passwordFile {
            guard let text = try? String(contentsOfFile: (path as NSString).expandingTildeInPath, encoding: .utf8) else {
                throw LaunchError(message: "cannot read --password-file \(path). Next step: check the path and its permissions")
            }
            settings.password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
        }
        settings.projectName = flags.projectName
        settings.projectID = flags.projectID
        settings.userDomainName = flags.userDomainName
        settings.projectDomainName = flags.projectDomainName
        settings.region = flags.region
        settings.interface = flags.interface
        settings.cacert = flags.cacert
        if flags.insecure { settings.insecure = true }
        return settings.merged(over: CloudSettings.fromEnvironment(ProcessInfo.processInfo.environment))
    }

    private func validate() throws {
        guard (1...65535).contains(command.server.port) || command.server.port == 0 else {
            throw LaunchError(message: "--port \(command.server.port) is not a TCP port. Next step: use 1-65535")
        }
        if let interface = command.cloud.interface, !["public", "internal", "admin", "publicurl", "internalurl", "adminurl"].contains(interface.lowercased()) {
            throw LaunchError(message: "--interface \(interface) is not valid. Next step: use public, internal or admin")
        }
        guard command.server.maxBodyBytes > 0, command.server.maxResultBytes >= 1024, command.server.timeout > 0 else {
            throw LaunchError(message: "limits must be positive (--max-result-bytes at least 1024)")
        }
    }

    private func makeLogger() throws -> Logger {
        let levels: [String: Logger.Level] = [
            "debug": .debug, "info": .info, "warning": .warning, "warn": .warning, "error": .error, "critical": .critical,
        ]
        guard let level = levels[command.server.logLevel.lowercased()] else {
            throw LaunchError(
                message: "--log-level \(command.server.logLevel) is not a level. Next step: use DEBUG, INFO, WARNING, ERROR or CRITICAL")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "openstack-mcp-server")
        logger.logLevel = level
        return logger
    }

    /// The demo cloud logs only warnings, to keep the server's log readable.
    private func quiet(_ logger: Logger) -> Logger {
        var quiet = Logger(label: "demo-cloud")
        quiet.logLevel = max(logger.logLevel, .warning)
        return quiet
    }
}
