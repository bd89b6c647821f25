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

    /// Runs the server (or `--check-config`); returns the process exit status.
    func run() async throws -> Int32 {
        if let url = command.ops.probe { return await Probe.run(url) }
        let logger = try makeLogger()
        try validate()
        PrometheusExport.bootstrap()
        if command.demo.demo {
            return try await DemoClouds.run(
                servers: command.demo.demoServers, requested: command.cloud.osCloud, logger: quiet(logger)
            ) { selected, urls in
                try await proceed(selected, logger: logger, demoURLs: urls)
            }
        }
        return try await proceed(try CloudSetup(flags: command.cloud).select(), logger: logger, demoURLs: [])
    }

    private var httpSettings: HTTPSettings {
        var settings = HTTPSettings(
            connectTimeout: .seconds(command.server.connectTimeout), readTimeout: .seconds(command.server.timeout),
            totalTimeout: .seconds(command.server.timeout))
        settings.maxConcurrentRequests = command.upstream.maxUpstreamConcurrency
        return settings
    }

    private func proceed(_ selected: [SelectedCloud], logger: Logger, demoURLs: [URL]) async throws -> Int32 {
        let insecure = selected.filter { $0.settings.insecure == true }.map(\.name)
        if !insecure.isEmpty {
            // One line, however many clouds: anyone on the path can read the credentials.
            logger.warning("TLS verification is OFF (--insecure / OS_INSECURE / verify: false) for \(selected.count == 1 ? "the cloud" : "cloud " + insecure.joined(separator: ", ")): anyone on the network path can read the credentials")
        }
        if command.checkConfig, command.identity.identity == .caller {
            return await checkCallerConfig(selected)
        }
        if command.checkConfig {
            // The check resolves each cloud itself, so an incomplete one is reported, not fatal.
            let files = demoURLs.isEmpty ? try? CloudSetup.loadFiles(ProcessInfo.processInfo.environment) : nil
            return await ConfigCheck(http: httpSettings).run(selected, files: files) ? 0 : 1
        }
        let callerSettings = try command.identity.settings(command, environment: ProcessInfo.processInfo.environment)
        let configurations = try selected.map {
            try CloudSetup.resolve($0, http: httpSettings, several: selected.count > 1, credentials: callerSettings == nil)
        }
        var clouds: [OpenStackCloud] = []
        do {
            for configuration in configurations { clouds.append(try OpenStackCloud(configuration: configuration, logger: logger)) }
        } catch let error as OpenStackError {
            for cloud in clouds { await cloud.shutdown() }
            throw LaunchError(message: "\(error.message). Next step: \(error.nextStep)")
        }
        if let callerSettings {
            // No identity of its own to check: each caller's catalog decides what they see.
            await StartupCheck.probeKeystone(clouds[0], logger: logger)
            let identity = CallerIdentity(base: clouds[0], settings: callerSettings)
            try await serve(clouds: clouds, services: nil, identity: identity, logger: logger, demoURLs: demoURLs)
            return 0
        }
        let services: Set<ServiceType>
        do {
            services = try await StartupCheck.authenticate(clouds, logger: logger)
        } catch {
            for cloud in clouds { await cloud.shutdown() }
            throw error
        }
        try await serve(clouds: clouds, services: services, identity: nil, logger: logger, demoURLs: demoURLs)
        return 0
    }

    private func serve(
        clouds: [OpenStackCloud], services: Set<ServiceType>?, identity: CallerIdentity?, logger: Logger, demoURLs: [URL]
    ) async throws {
        let cloudSet = CloudSet(clouds)
        // Checked in validate(), before any cloud was opened.
        let enabled = (try? command.toolFlags.selection.resolve(in: ToolRegistry.catalog)) ?? []
        var toolSettings = ToolSettings(maxResultBytes: command.server.maxResultBytes)
        toolSettings.callTimeout = .seconds(command.upstream.callTimeout)
        let registry = ToolRegistry(
            clouds: cloudSet, settings: toolSettings, logger: logger,
            enabled: enabled, services: services)
        let engine = MCPEngine(registry: registry, logger: logger)
        defer { Task { await cloudSet.shutdown() } }

        switch command.server.transport {
        case .stdio:
            await StdioServer(engine: engine, logger: logger, maxLineBytes: command.server.maxBodyBytes).run()
        case .http:
            let options = serverOptions()
            let authenticator = try AccessSetup.authenticator(
                command.access, host: options.host, callerIdentity: identity != nil, logger: logger)
            let service = MCPHTTPService(
                options: options, engine: engine, logger: logger, authenticator: authenticator, identity: identity
            ) { port in
                announce(port: port, options: options, clouds: cloudSet.names, demoURLs: demoURLs, logger: logger)
            }
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: service)]
            if let ops = opsService(clouds: cloudSet, logger: logger) { services.append(.init(service: ops)) }
            var configuration = ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            // Open SSE streams must not hold the process: after the grace period they are cut.
            configuration.maximumGracefulShutdownDuration = options.shutdownGrace
            configuration.maximumCancellationDuration = .seconds(2)
            let group = ServiceGroup(configuration: configuration)
            do {
                try await group.run()
            } catch {
                throw LaunchError(message: ListenFailure(error, host: options.host, port: options.port, flag: "--port").description)
            }
        }
    }

    /// `--check-config --identity caller`: the server has no identity to try, so the check is
    /// the settings and whether Keystone answers at the auth URL.
    private func checkCallerConfig(_ selected: [SelectedCloud]) async -> Int32 {
        let say = { (line: String) in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        do {
            let settings = try command.identity.settings(command, environment: ProcessInfo.processInfo.environment)
            let configuration = try CloudSetup.resolve(selected[0], http: httpSettings, several: false, credentials: false)
            say("identity: caller (each request's own; the server's credentials, if any, are not used)")
            say("auth_url: \(configuration.auth.authURL.absoluteString)")
            say("federation: \(settings?.identityProvider.map { "identity provider \($0), protocol \(settings?.protocolName ?? "")" } ?? "off (application credentials only)")")
            let cloud = try OpenStackCloud(configuration: configuration)
            defer { Task { await cloud.shutdown() } }
            let response = try await cloud.http.send(OutgoingRequest(method: .GET, url: configuration.auth.authURL.absoluteString), service: "Keystone")
            let answers = response.isSuccess || response.status == 300
            say(answers ? "Keystone: answers (HTTP \(response.status))" : "Keystone: HTTP \(response.status) at the auth URL")
            say(answers ? "RESULT: OK — callers can authenticate" : "RESULT: FAILED — the auth URL does not answer as Keystone")
            return answers ? 0 : 1
        } catch {
            say("RESULT: FAILED — \((error as? OpenStackError)?.description ?? (error as? LaunchError)?.message ?? "\(error)")")
            return 1
        }
    }

    private func serverOptions() -> ServerOptions {
        ServerOptions(
            host: command.server.host, port: command.server.port, jsonResponse: command.server.jsonResponse,
            stateful: command.server.stateful, allowedHosts: command.server.allowedHost,
            allowedOrigins: command.server.allowedOrigin, maxBodyBytes: command.server.maxBodyBytes,
            sessionIdleTimeout: .seconds(command.server.sessionIdleMinutes * 60), maxSessions: command.server.maxSessions)
    }

    private func announce(port: Int, options: ServerOptions, clouds: [String], demoURLs: [URL], logger: Logger) {
        let endpoint = "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(port)/openstack"
        if command.ops.logFormat == .json {
            return announceAsLog(endpoint: endpoint, options: options, clouds: clouds, demoURLs: demoURLs, logger: logger)
        }
        let identity = command.identity.identity == .caller ? "; each caller's own OpenStack identity" : ""
        var lines = ["openstack-mcp-server listening on \(endpoint) (\(options.jsonResponse ? "JSON" : "SSE") answers, \(options.stateful ? "stateful" : "stateless"); clouds: \(clouds.joined(separator: ", "))\(identity))"]
        if !demoURLs.isEmpty {
            for (name, url) in zip(clouds, demoURLs) { lines.append("demo cloud \(name) (simulated OpenStack) at \(url.absoluteString)") }
            // The demo's fixed, public credentials, for pointing the openstack CLI at it.
            lines.append("demo sign-in: user \(DemoCloud.adminUser), password \(DemoCloud.adminPassword), project \(DemoCloud.adminProject), domain \(DemoCloud.domainName)")
            lines.append("connect: npx @modelcontextprotocol/inspector  → Streamable HTTP → \(endpoint)")
            lines.append("     or: claude mcp add --transport http openstack \(endpoint)")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The banner in `--log-format json`: every stderr line is one JSON object, so it is log
    /// lines at NOTICE, each with a fixed message and its data in fields.
    private func announceAsLog(endpoint: String, options: ServerOptions, clouds: [String], demoURLs: [URL], logger: Logger) {
        logger.notice(
            "listening on the MCP endpoint",
            metadata: [
                "url": "\(endpoint)", "answers": "\(options.jsonResponse ? "JSON" : "SSE")",
                "sessions": "\(options.stateful ? "stateful" : "stateless")", "clouds": .array(clouds.map { .string($0) }),
                "identity": "\(command.identity.identity.rawValue)",
            ])
        guard !demoURLs.isEmpty else { return }
        for (name, url) in zip(clouds, demoURLs) {
            logger.notice("demo cloud (simulated OpenStack)", metadata: ["cloud": "\(name)", "url": "\(url.absoluteString)"])
        }
        // The demo's fixed, public credentials, for pointing the openstack CLI at it.
        logger.notice(
            "demo sign-in",
            metadata: [
                "user": "\(DemoCloud.adminUser)", "password": "\(DemoCloud.adminPassword)",
                "project": "\(DemoCloud.adminProject)", "domain": "\(DemoCloud.domainName)",
            ])
        logger.notice(
            "demo: connect a client",
            metadata: [
                "inspector": "npx @modelcontextprotocol/inspector  → Streamable HTTP → \(endpoint)",
                "claude": "claude mcp add --transport http openstack \(endpoint)",
            ])
    }

    private func validate() throws {
        do {
            _ = try command.toolFlags.selection.resolve(in: ToolRegistry.catalog)
        } catch {
            throw LaunchError(message: "\(error). Next step: fix --toolsets, --tools or --exclude-tools (see --help)")
        }
        guard (1...65535).contains(command.server.port) || command.server.port == 0 else {
            throw LaunchError(message: "--port \(command.server.port) is not a TCP port. Next step: use 1-65535")
        }
        if let interface = command.cloud.interface, !["public", "internal", "admin", "publicurl", "internalurl", "adminurl"].contains(interface.lowercased()) {
            throw LaunchError(message: "--interface \(interface) is not valid. Next step: use public, internal or admin")
        }
        try LimitCheck.validate(command)
        if command.server.transport == .http {
            // Before anything connects to a cloud: a refused configuration costs no Keystone call.
            try AccessSetup.checkExposure(command.access, host: command.server.host, callerIdentity: command.identity.identity == .caller)
        }
        _ = try command.identity.settings(command, environment: ProcessInfo.processInfo.environment)
    }

    private func makeLogger() throws -> Logger {
        let levels: [String: Logger.Level] = [
            "debug": .debug, "info": .info, "warning": .warning, "warn": .warning, "error": .error, "critical": .critical,
        ]
        guard let level = levels[command.server.logLevel.lowercased()] else {
            throw LaunchError(
                message: "--log-level \(command.server.logLevel) is not a level. Next step: use DEBUG, INFO, WARNING, ERROR or CRITICAL")
        }
        LogSetup.bootstrap(format: command.ops.logFormat, level: level)
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
