import Foundation
import Logging
import OpenStackKit
import OpenStackMCPServer
import OpenStackTools

extension Launcher {
    /// The `--metrics-port` listener, when asked for.
    func opsService(clouds: CloudSet, logger: Logger) -> OpsHTTPService? {
        guard let port = command.ops.metricsPort else { return nil }
        let host = command.server.host
        return OpsHTTPService(
            host: host, port: port, endpoints: OpsEndpoints(readiness: Readiness(clouds: clouds)),
            logger: logger
        ) { [format = command.ops.logFormat] bound in
            let shown = host.contains(":") ? "[\(host)]" : host
            let url = "http://\(shown):\(bound)/metrics"
            guard format == .text else {
                // In JSON every stderr line is one object: a log line, as the banner is.
                return logger.notice("listening for metrics and probes", metadata: ["url": "\(url)", "probes": ["/healthz", "/readyz"]])
            }
            FileHandle.standardError.write(Data("metrics and probes on \(url) (/healthz, /readyz)\n".utf8))
        }
    }
}

/// The numeric flags, each checked on its own so the message names the one that is wrong.
enum LimitCheck {
    static func validate(_ command: Command) throws {
        let server = command.server
        let checks: [(Bool, String)] = [
            (server.maxBodyBytes > 0, "--max-body-bytes \(server.maxBodyBytes) must be at least 1"),
            (server.maxResultBytes >= 1024, "--max-result-bytes \(server.maxResultBytes) must be at least 1024"),
            (server.timeout > 0, "--timeout \(server.timeout) must be at least 1 (seconds)"),
            (server.connectTimeout > 0, "--connect-timeout \(server.connectTimeout) must be at least 1 (seconds)"),
            (server.sessionIdleMinutes > 0, "--session-idle-minutes \(server.sessionIdleMinutes) must be at least 1"),
            (server.maxSessions > 0, "--max-sessions \(server.maxSessions) must be at least 1"),
            (command.demo.demoServers > 0, "--demo-servers \(command.demo.demoServers) must be at least 1"),
            (command.upstream.callTimeout > 0, "--call-timeout \(command.upstream.callTimeout) must be at least 1 (seconds)"),
            (command.upstream.maxUpstreamConcurrency > 0,
             "--max-upstream-concurrency \(command.upstream.maxUpstreamConcurrency) must be at least 1"),
        ]
        if let failed = checks.first(where: { !$0.0 }) { throw LaunchError(message: failed.1) }
        if let port = command.ops.metricsPort {
            guard (0...65535).contains(port) else {
                throw LaunchError(message: "--metrics-port \(port) is not a TCP port. Next step: use 1-65535")
            }
            guard port != server.port || port == 0 else {
                throw LaunchError(message: "--metrics-port \(port) is also --port. Next step: give it a port of its own")
            }
        }
    }
}

/// `--probe URL`: a health check that needs nothing but this binary.
enum Probe {
    static func run(_ url: String) async -> Int32 {
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            FileHandle.standardError.write(Data("openstack-mcp-server: --probe \(url) is not an http(s) URL\n".utf8))
            return 2
        }
        do {
            let client = try OpenStackHTTPClient(
                settings: HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(3), totalTimeout: .seconds(4)))
            let answer: RawResponse
            do {
                answer = try await client.send(OutgoingRequest(url: url), service: "probe")
                await client.shutdown()
            } catch {
                await client.shutdown()
                throw error
            }
            print("\(answer.status) \(String(decoding: answer.body.prefix(200), as: UTF8.self))")
            return answer.status == 200 ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("openstack-mcp-server: probe of \(url) failed: \(error)\n".utf8))
            return 1
        }
    }
}
