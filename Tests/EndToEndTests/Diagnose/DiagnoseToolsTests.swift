import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `diagnose_instance` and `diagnose_connectivity` through MCP against the demo cloud's seeded
/// failures (README, "Seeded failures"): the top finding names the cause and cites the resource.
@Suite struct DiagnoseToolsTests {
    static func findings(_ result: MCPTestClient.ToolResult) -> [JSONValue] {
        result.structured["findings"]?.arrayValue ?? []
    }

    static func errors(_ result: MCPTestClient.ToolResult) -> [String] {
        findings(result).filter { $0["severity"]?.stringValue == "error" }.compactMap { $0["code"]?.stringValue }
    }

    static func top(_ result: MCPTestClient.ToolResult) -> JSONValue? { findings(result).first }

    static func cites(_ finding: JSONValue?, type: String, name: String) -> Bool {
        (finding?["evidence"]?.arrayValue ?? []).contains { $0["type"]?.stringValue == type && $0["name"]?.stringValue == name }
    }

    @Test func seededConnectivityFailuresAreNamed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let isolated = try await client.call("diagnose_connectivity", ["server": "diag-isolated"])
            #expect(!isolated.isError, "\(isolated.text)")
            #expect(Self.top(isolated)?["code"]?.stringValue == "no_route_to_external", "\(isolated.text)")
            #expect(Self.cites(Self.top(isolated), type: "subnet", name: "diag-isolated-subnet"))

            let ssh = try await client.call("diagnose_connectivity", ["server": "diag-web", "protocol": "tcp", "port": 22, "direction": "ingress"])
            #expect(Self.top(ssh)?["code"]?.stringValue == "security_group_blocks", "\(ssh.text)")
            #expect(Self.top(ssh)?["summary"]?.stringValue?.contains("diag-web-only") == true)
            #expect((Self.top(ssh)?["evidence"]?.arrayValue ?? []).contains { $0["type"]?.stringValue == "port" })

            let http = try await client.call("diagnose_connectivity", ["server": "diag-web", "port": 80])
            #expect(Self.errors(http).isEmpty, "\(http.text)")
            let checked = (http.structured["checked"]?.arrayValue ?? []).compactMap { $0["check"]?.stringValue }
            for check in ["ports", "security_groups", "route", "floating_ip", "subnets", "network_agents"] {
                #expect(checked.contains(check), "\(check) is ruled out: \(http.text)")
            }
            for result in [isolated, ssh, http] { #expect(result.text.count < 20_000) }
        }
    }

    @Test func aHealthyServerHasNoErrorFindingAndAFailedOneItsFault() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let healthy = try await client.call("diagnose_instance", ["server": "diag-web"])
            #expect(Self.errors(healthy).isEmpty, "\(healthy.text)")
            let checked = (healthy.structured["checked"]?.arrayValue ?? []).compactMap { $0["check"]?.stringValue }
            #expect(Set(checked).isSuperset(of: ["server_state", "failed_actions", "host_compute_service", "port_bindings"]), "\(healthy.text)")

            // Every seeded server in ERROR: an error finding, the fault as evidence, under the size cap.
            let failed = try await client.call("get_instances", ["status": "ERROR", "all_projects": true, "limit": 10])
            #expect(!failed.items.isEmpty)
            for server in failed.items {
                let id = try #require(server["id"]?.stringValue)
                let result = try await client.call("diagnose_instance", ["server": .string(id)])
                #expect(!result.isError && !Self.errors(result).isEmpty, "\(result.text)")
                #expect(Self.findings(result).contains { $0["code"]?.stringValue == "server_error" })
                #expect(result.text.count < 20_000)
            }
        }
    }

    @Test func theFlavorsMissingTraitIsTheTopFinding() async throws {
        try await ServerHarness.run { harness in
            let result = try await harness.client().call("diagnose_instance", ["server": "diag-needs-gpu"])
            #expect(Self.top(result)?["code"]?.stringValue == "no_host_with_trait", "\(result.text)")
            #expect(Self.cites(Self.top(result), type: "flavor", name: "diag.gpu"))
            #expect(Self.top(result)?["summary"]?.stringValue?.contains("CUSTOM_GPU_A100") == true)
            // The symptom follows the cause.
            #expect(Self.findings(result).contains { $0["code"]?.stringValue == "server_error" })
        }
    }

    @Test func aMemberStillGetsAnAnswerWithTheAdminChecksUnknown() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let instance = try await client.call("diagnose_instance", ["server": "diag-web"])
            #expect(!instance.isError && Self.errors(instance).isEmpty, "\(instance.text)")
            let unknown = instance.structured["unknown"]?.arrayValue ?? []
            #expect(unknown.contains { $0["check"]?.stringValue == "host_compute_service" && $0["reason"]?.stringValue?.contains("admin role") == true }, "\(instance.text)")

            let connectivity = try await client.call("diagnose_connectivity", ["server": "diag-web", "port": 22])
            #expect(Self.top(connectivity)?["code"]?.stringValue == "security_group_blocks", "\(connectivity.text)")
            let agents = connectivity.structured["unknown"]?.arrayValue?.first { $0["check"]?.stringValue == "network_agents" }
            #expect(agents?["reason"]?.stringValue?.contains("admin role") == true, "\(connectivity.text)")
        }
    }

    @Test func badArgumentsNameTheNextStep() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let icmpPort = try await client.call("diagnose_connectivity", ["server": "diag-web", "protocol": "icmp", "port": 22])
            #expect(icmpPort.isError && icmpPort.text.contains("tcp or udp"), "\(icmpPort.text)")
            let missing = try await client.call("diagnose_instance", ["server": "no-such-server-anywhere"])
            #expect(missing.isError, "\(missing.text)")
        }
    }
}

/// Each diagnosis is one call whose upstream reads are bounded: counted on the demo cloud's log.
@Suite struct DiagnoseRequestBudgetTests {
    @Test func upstreamReadsPerDiagnosisStayWithinTheirBudget() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            // The token and each service's version discovery, before counting.
            _ = try await client.call("get_instances", ["limit": 1])
            _ = try await client.call("get_networks", ["limit": 1])
            let cases: [(String, [String: JSONValue], Int)] = [
                // name lookup, ports, 5 batched Neutron reads, routers, L3 and DHCP agents
                ("diagnose_connectivity", ["server": "diag-web", "port": 22], 10),
                // name lookup, actions, service, hypervisor, ports (no volumes, no scheduling)
                ("diagnose_instance", ["server": "diag-web"], 5),
            ]
            for (tool, arguments, budget) in cases {
                harness.cloud.resetRequestLog()
                let result = try await client.call(tool, .object(arguments))
                #expect(!result.isError, "\(result.text)")
                let reads = harness.cloud.requests()
                #expect(reads.allSatisfy { $0.method == "GET" }, "read-only")
                #expect(reads.count <= budget, "\(tool): \(reads.count) requests: \(reads.map(\.path))")
            }
        }
    }
}
