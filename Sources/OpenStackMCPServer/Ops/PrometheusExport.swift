import Metrics
import OpenStackKit
import Prometheus

/// The Prometheus backend of ``ServerMetrics``, and the text `/metrics` serves.
public enum PrometheusExport {
    /// The registry every metric lands in.
    public static let registry = PrometheusCollectorRegistry()

    /// Makes swift-metrics write to ``registry``. Call once, at start, before any metric is made.
    public static func bootstrap() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Tool calls run up to the call budget (minutes), upstream calls up to their timeout.
        let slow: [Duration] = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
            .seconds(30), .seconds(60), .seconds(120),
        ]
        factory.durationHistogramBuckets[ServerMetrics.Name.toolDuration] = slow
        factory.durationHistogramBuckets[ServerMetrics.Name.upstreamDuration] = slow
        // Answers are cut at 50,000 characters of text by default; larger limits are allowed.
        factory.valueHistogramBuckets[ServerMetrics.Name.answerBytes] = [
            256, 1024, 4096, 16384, 50000, 65536, 262_144, 1_048_576,
        ]
        MetricsSystem.bootstrap(factory)
        // Present from the first scrape, so dashboards and alerts need no "absent" special case.
        ServerMetrics.sessionsOpen(0)
        Meter(label: ServerMetrics.Name.toolsInFlight).set(0)
    }

    /// The exposition text (Prometheus text format 0.0.4).
    public static func render() -> [UInt8] { registry.emitToBuffer() }
}
