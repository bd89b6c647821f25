import Foundation
import Metrics

/// The server's metrics, written through swift-metrics.
///
/// Every module may call these; nothing is recorded until the executable bootstraps a backend
/// (`PrometheusExport.bootstrap()` serves them on `/metrics`), so the library and the tests that
/// build it in-process pay nothing. The names and labels are part of the operator contract
/// (README, "Metrics"): change them deliberately.
public enum ServerMetrics {
    /// Metric names, as Prometheus shows them.
    public enum Name {
        public static let toolCalls = "mcp_tool_calls_total"
        public static let toolDuration = "mcp_tool_call_duration_seconds"
        public static let toolsInFlight = "mcp_tool_calls_in_flight"
        public static let answerBytes = "mcp_tool_answer_bytes"
        public static let sessions = "mcp_sessions"
        public static let upstreamRequests = "openstack_upstream_requests_total"
        public static let upstreamDuration = "openstack_upstream_request_duration_seconds"
        public static let upstreamRetries = "openstack_upstream_retries_total"
        public static let tokens = "openstack_token_requests_total"
        public static let upstreamInFlight = "openstack_upstream_in_flight"
        public static let upstreamQueued = "openstack_upstream_queued"
        public static let upstreamWaited = "openstack_upstream_queue_waits"
        public static let upstreamGivenUp = "openstack_upstream_queue_given_up"
    }

    /// Counts a tool call as in flight until `finish` is called on the returned value.
    public static func toolCallStarted(_ tool: String) -> ToolCallMeasurement {
        Meter(label: Name.toolsInFlight).increment()
        return ToolCallMeasurement(tool: tool, started: .now)
    }

    /// One answer (or transport failure, `status` nil) from an OpenStack service.
    public static func upstreamAnswered(service: String, method: String, status: Int?, duration: Duration) {
        let status = status.map(String.init) ?? "error"
        Counter(label: Name.upstreamRequests, dimensions: [("service", service), ("method", method), ("status", status)])
            .increment()
        Timer(label: Name.upstreamDuration, dimensions: [("service", service), ("method", method)])
            .recordNanoseconds(duration.nanoseconds)
    }

    /// A request sent again; `reason` is the status that caused it (429, 503, ...) or `reset`.
    public static func upstreamRetried(service: String, reason: String) {
        Counter(label: Name.upstreamRetries, dimensions: [("service", service), ("reason", reason)]).increment()
    }

    /// A Keystone token request: `kind` is `issue` (the first) or `refresh` (any later one).
    public static func tokenRequested(kind: String, succeeded: Bool) {
        Counter(label: Name.tokens, dimensions: [("kind", kind), ("outcome", succeeded ? "ok" : "error")]).increment()
    }

    /// One cloud's upstream queue (``UpstreamLimiter``), set when `/metrics` is read: the limiter
    /// itself stays free of metric calls on its hot path.
    public static func upstreamQueue(cloud: String, _ stats: UpstreamQueueStats) {
        Gauge(label: Name.upstreamInFlight, dimensions: [("cloud", cloud)]).record(stats.inFlight)
        Gauge(label: Name.upstreamQueued, dimensions: [("cloud", cloud)]).record(stats.queued)
        // Counts since start, kept by the limiter; gauges because they are set, not incremented.
        Gauge(label: Name.upstreamWaited, dimensions: [("cloud", cloud)]).record(stats.waitedTotal)
        Gauge(label: Name.upstreamGivenUp, dimensions: [("cloud", cloud)]).record(stats.rejectedTotal)
    }

    /// The number of open MCP sessions (stateful mode).
    public static func sessionsOpen(_ count: Int) {
        Meter(label: Name.sessions).set(count)
    }
}

/// A tool call being measured; see ``ServerMetrics/toolCallStarted(_:)``.
public struct ToolCallMeasurement: Sendable {
    let tool: String
    let started: ContinuousClock.Instant

    /// Time since the call started.
    public var elapsed: Duration { ContinuousClock.now - started }

    /// Records the call's outcome (`ok`, `bad-arguments`, `upstream-error`, ...) and the size of
    /// its answer, and ends its in-flight count.
    public func finish(outcome: String, answerBytes: Int) {
        Meter(label: ServerMetrics.Name.toolsInFlight).decrement()
        Counter(label: ServerMetrics.Name.toolCalls, dimensions: [("tool", tool), ("outcome", outcome)]).increment()
        Timer(label: ServerMetrics.Name.toolDuration, dimensions: [("tool", tool)])
            .recordNanoseconds(elapsed.nanoseconds)
        Recorder(label: ServerMetrics.Name.answerBytes, dimensions: [("tool", tool)]).record(answerBytes)
    }
}

extension Duration {
    /// Whole nanoseconds (saturating), as swift-metrics' timers take them.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
