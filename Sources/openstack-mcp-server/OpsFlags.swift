import ArgumentParser
import OpenStackMCPServer

/// Flags for running the server as a service: log format, the metrics port and the health probe.
struct OpsFlags: ParsableArguments {
    @Option(help: "text or json. json writes one object per line: a fixed message, the data in fields.")
    var logFormat: LogFormat = .text
    @Option(
        help: ArgumentHelp(
            "Also serve /metrics, /healthz and /readyz (and nothing else) on this port of --host, without the Host and Origin checks: for Prometheus and probes.",
            valueName: "port"))
    var metricsPort: Int?
    @Option(
        help: ArgumentHelp(
            "Check a running server: GET this URL, exit 0 on HTTP 200, else 1. For HEALTHCHECK in images without curl.",
            valueName: "url"))
    var probe: String?
}

extension LogFormat: ExpressibleByArgument {}
