import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenStackKit
import OpenStackTools

/// `/healthz`, `/readyz` and `/metrics`: the operator's endpoints, served on the MCP port and on
/// `--metrics-port`.
///
/// On the MCP port the probes answer before the Host and Origin checks (a kubelet sends the pod
/// IP as Host), while `/metrics` sits behind them like `/openstack`. `--metrics-port` serves
/// these three and nothing else, so Prometheus can scrape it without loosening the MCP port.
public struct OpsEndpoints: Sendable {
    public static let healthPath = "/healthz"
    public static let readyPath = "/readyz"
    public static let metricsPath = "/metrics"

    let readiness: Readiness

    public init(readiness: Readiness) {
        self.readiness = readiness
    }

    /// The answer to a probe path, or nil for any other path.
    func probe(_ path: String) async -> Response? {
        switch path {
        case Self.healthPath:
            return Self.text("ok\n", status: .ok)
        case Self.readyPath:
            let (ready, lines) = await readiness.check()
            return Self.text(lines.joined(separator: "\n") + "\n", status: ready ? .ok : .serviceUnavailable)
        default:
            return nil
        }
    }

    /// The Prometheus exposition.
    func metrics() -> Response {
        for cloud in readiness.clouds.clouds { ServerMetrics.upstreamQueue(cloud: cloud.name, cloud.http.queueStats) }
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: PrometheusExport.render())))
    }

    /// The whole of the metrics port: GET or HEAD of the three paths. A request with an Origin
    /// header comes from a browser page, which has no business here (DNS rebinding), so it is
    /// refused; Prometheus and kubelet send none.
    func respondOnMetricsPort(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            var fields = HTTPFields()
            fields[.allow] = "GET, HEAD"
            return Self.text("only GET and HEAD\n", status: .methodNotAllowed, extra: fields)
        }
        guard request.headers[.origin] == nil else { return Self.text("browser requests are refused here\n", status: .forbidden) }
        let path = request.uri.path
        if path == Self.metricsPath { return metrics() }
        if let probe = await probe(path) { return probe }
        return Self.text("not found: this port serves /metrics, /healthz and /readyz\n", status: .notFound)
    }

    static func text(_ text: String, status: HTTPResponse.Status, extra: HTTPFields = [:]) -> Response {
        var fields = extra
        fields[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
