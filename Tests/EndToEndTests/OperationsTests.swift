import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The real binary as an operator runs it: --version, /metrics, --metrics-port and JSON logs.
@Suite struct OperationsTests {
    @Test func versionNamesTheVersionCommitAndBuildDate() async throws {
        let (status, output) = try await BinaryProcess.output(of: ["--version"])
        #expect(status == 0)
        let line = output.trimmingCharacters(in: .whitespacesAndNewlines)
        let version = try String(contentsOf: BinaryProcess.packageRoot.appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pattern = #/^openstack-mcp-server (\S+) \(commit ([0-9a-f]{12}(-dirty)?|unknown), built \d{4}-\d{2}-\d{2}\)$/#
        let match = try #require(line.wholeMatch(of: pattern), "\(line)")
        #expect(String(match.1) == version)
    }

    @Test func metricsCountCallsUpstreamRequestsAndTokensOnBothPorts() async throws {
        let port = try PlainHTTP.freePort()
        let metricsPort = try PlainHTTP.freePort()
        let server = try BinaryProcess(
            ["--demo", "--json-response", "--port", String(port), "--metrics-port", String(metricsPort)])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("listening on") && err.contains("metrics and probes") },
                "\(server.errorOutput)")
        let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
        _ = try await client.call("get_instances", ["limit": 2])
        _ = try await client.call("get_instances", ["limit": 1, "detail_level": "basic"])
        let bad = try await client.call("get_networks", ["limit": 5000])
        #expect(bad.isError)

        let scraped = try await PlainHTTP.get("http://127.0.0.1:\(metricsPort)/metrics")
        #expect(scraped.status == 200)
        #expect(scraped.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = scraped.body
        let samples = [
            #"mcp_tool_calls_total{tool="get_instances",outcome="ok"} 2"#,
            #"mcp_tool_calls_total{tool="get_networks",outcome="bad-arguments"} 1"#,
            #"mcp_tool_call_duration_seconds_count{tool="get_instances"} 2"#,
            #"mcp_tool_answer_bytes_count{tool="get_instances"} 2"#,
            #"openstack_token_requests_total{kind="issue",outcome="ok"}"#,
            #"openstack_upstream_requests_total{service="Nova",method="GET",status="200"}"#,
            #"openstack_upstream_request_duration_seconds_bucket{service="Nova",method="GET",le="+Inf"}"#,
            "mcp_tool_calls_in_flight 0", "mcp_sessions 0",
            // The upstream queue of each cloud, idle between calls.
            #"openstack_upstream_in_flight{cloud="demo"} 0"#, #"openstack_upstream_queued{cloud="demo2"} 0"#,
            #"openstack_upstream_queue_given_up{cloud="demo"} 0"#,
        ]
        for sample in samples { #expect(text.contains(sample), "missing \(sample) in\n\(text)") }

        // The MCP port serves the same text behind its Host check; the metrics port has none.
        #expect(try await PlainHTTP.get("http://127.0.0.1:\(port)/metrics").body.contains("mcp_tool_calls_total"))
        let wrongHost = try await PlainHTTP.get("http://127.0.0.1:\(port)/metrics", headers: [("Host", "evil.example")])
        #expect(wrongHost.status == 421)
        let scrapedByName = try await PlainHTTP.get(
            "http://127.0.0.1:\(metricsPort)/metrics", headers: [("Host", "pod-10-1-2-3.example:9090")])
        #expect(scrapedByName.status == 200)
        // ... and serves nothing else, and no browser page.
        #expect(try await PlainHTTP.get("http://127.0.0.1:\(metricsPort)/openstack").status == 404)
        let browser = try await PlainHTTP.get(
            "http://127.0.0.1:\(metricsPort)/metrics", headers: [("Origin", "http://evil.example")])
        #expect(browser.status == 403)
        #expect(try await PlainHTTP.get("http://127.0.0.1:\(metricsPort)/healthz").body == "ok\n")
        let ready = try await PlainHTTP.get("http://127.0.0.1:\(metricsPort)/readyz")
        #expect(ready.status == 200)
        #expect(ready.body == "cloud demo: ready\ncloud demo2: ready\n")
    }

    @Test func jsonLogsHaveOneLinePerToolCallWithRequestIDs() async throws {
        let port = try PlainHTTP.freePort()
        let server = try BinaryProcess(
            ["--demo", "--json-response", "--port", String(port), "--log-format", "json", "--log-level", "debug"])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
        let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
        _ = try await client.call("get_instances", ["limit": 3, "all_projects": true])
        _ = try await client.call("get_networks", ["cloud": "demo2", "region": "RegionTwo", "limit": 2])
        #expect(await server.waitFor { _, err in err.components(separatedBy: "\"tool call\"").count == 3 })

        // Every line but the start-up banner is one JSON object.
        let lines = server.errorOutput.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count >= 4)
        let entries = try lines.map { try JSONValue.parse(Data($0.utf8)) }
        for entry in entries {
            #expect(entry["ts"]?.stringValue != nil && entry["level"]?.stringValue != nil)
            #expect(entry["message"]?.stringValue != nil)
        }
        let calls = entries.filter { $0["message"]?.stringValue == "tool call" }
        #expect(calls.count == 2)
        let instances = try #require(calls.first { $0["tool"]?.stringValue == "get_instances" })
        #expect(instances["outcome"]?.stringValue == "ok")
        #expect(instances["cloud"]?.stringValue == "demo")
        #expect(instances["region"]?.stringValue == "RegionOne")
        #expect(instances["ms"]?.intValue != nil, "ms is a number")
        let upstream = try #require(instances["upstream_requests"]?.intValue)
        #expect(upstream >= 1)
        let ids = instances["request_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("req-") }, "\(instances)")
        let networks = try #require(calls.first { $0["tool"]?.stringValue == "get_networks" })
        #expect(networks["cloud"]?.stringValue == "demo2")
        #expect(networks["region"]?.stringValue == "RegionTwo")
        // DEBUG shows the server's own lines, not the HTTP libraries' connection chatter.
        #expect(entries.contains { $0["message"]?.stringValue == "upstream call" })
        #expect(!entries.contains { entry in entry.objectValue?.keys.contains { $0.hasPrefix("ahc-") || $0.hasPrefix("sl-") } == true })
    }
}
