@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `diagnose_volume`, `diagnose_load_balancer` and `diagnose_quota` through MCP over HTTP against
/// the demo cloud: each seeded failure's top finding names it and cites the resource, healthy
/// resources get no error finding, and a member gets an answer with the admin-only checks under
/// `unknown`.
@Suite(.serialized) struct VolumeBalancerQuotaDiagnosisTests {
    /// Calls a diagnosis tool and checks what every diagnosis answer must be.
    static func diagnose(_ client: MCPTestClient, _ tool: String, _ arguments: JSONValue) async throws -> JSONValue {
        let result = try await client.call(tool, arguments)
        #expect(!result.isError, "\(tool): \(result.text)")
        #expect(result.text.count < 20_000, "\(tool) answered \(result.text.count) characters")
        for key in ["subject", "findings", "checked", "unknown", "cloud"] { #expect(result.structured[key] != nil, "\(tool) lacks \(key)") }
        for finding in result.structured["findings"]?.arrayValue ?? [] {
            #expect(finding["next_step"]?.stringValue?.contains("openstack ") == true, "a next step names the CLI: \(finding)")
        }
        return result.structured
    }

    static func codes(_ answer: JSONValue) -> [String] { (answer["findings"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue } }

    static func errors(_ answer: JSONValue) -> [String] {
        (answer["findings"]?.arrayValue ?? []).filter { $0["severity"] == "error" }.compactMap { $0["code"]?.stringValue }
    }

    static func unknown(_ answer: JSONValue, _ check: String) -> String? {
        answer["unknown"]?.arrayValue?.first { $0["check"]?.stringValue == check }?["reason"]?.stringValue
    }

    @Test func aVolumeWhoseTypeNamesNoBackendAndAHealthyOne() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let broken = try await Self.diagnose(client, "diagnose_volume", ["volume": "diag-no-backend"])
            let top = try #require(broken["findings"]?.arrayValue?.first, "\(broken)")
            #expect(top["code"] == "volume_backend_missing", "\(broken)")
            let evidence = top["evidence"]?.arrayValue ?? []
            #expect(evidence.contains { $0["type"] == "volume_type" && $0["name"] == "diag-fast" && $0["value"] == "fast-nvme" }, "\(top)")
            #expect(evidence.contains { $0["type"] == "pool" && $0["value"] == "ceph" }, "the backends that exist: \(top)")
            #expect(Self.codes(broken).contains("volume_error"), "the symptom follows with Cinder's message: \(broken)")
            let symptom = broken["findings"]?.arrayValue?.first { $0["code"] == "volume_error" }
            #expect(symptom?["evidence"]?.arrayValue?.contains { $0["type"] == "message" && $0["value"]?.stringValue?.contains("weighted backend") == true } == true)

            let data = harness.cloud.data
            let healthy = try #require(data.volumes.first { $0.status == "in-use" && !$0.attachments.isEmpty })
            let fine = try await Self.diagnose(client, "diagnose_volume", ["volume": .string(healthy.id)])
            #expect(Self.errors(fine).isEmpty && fine["checked"]?.arrayValue?.isEmpty == false, "\(fine)")
            #expect(fine["subject"]?["name"]?.stringValue == healthy.name)
            // Bounded and read once: the volume by name (a 404 on the ID, then the name), then its
            // messages, the types, the pools and the services at once; no server is attached.
            harness.cloud.resetRequestLog()
            _ = try await Self.diagnose(client, "diagnose_volume", ["volume": "diag-no-backend"])
            let reads = harness.cloud.requests()
            #expect(reads.allSatisfy { $0.method == "GET" } && reads.count == 6, "\(reads.map { $0.path + "?" + $0.query })")
            let missing = try await client.call("diagnose_volume", ["volume": "no-such-volume"])
            #expect(missing.isError && missing.text.contains("no-such-volume"), "\(missing.text)")
        }
    }

    @Test func aMemberWhoseAddressNothingHoldsAndAHealthyBalancer() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let broken = try await Self.diagnose(client, "diagnose_load_balancer", ["load_balancer": "diag-lb"])
            let top = try #require(broken["findings"]?.arrayValue?.first, "\(broken)")
            #expect(top["code"] == "member_address_unknown" && top["severity"] == "error", "\(broken)")
            let members = try await client.call("get_pool_members", ["pool": "diag-pool"])
            let member = try #require(members.items.first, "\(members.text)")
            let evidence = top["evidence"]?.arrayValue ?? []
            #expect(evidence.contains { $0["type"] == "member" && $0["id"] == member["id"] && $0["field"] == "address" && $0["value"] == member["address"] }, "\(top)")
            let ports = try await client.call("get_ports", ["ip_address": member["address"] ?? .null])
            #expect(!ports.isError && ports.items.isEmpty, "no port holds it: \(ports.text)")

            // The balancer by name (two reads), its listeners, pools, amphorae and VIP subnet, the
            // pool's members and monitor, and the one port query for the member that is down.
            harness.cloud.resetRequestLog()
            _ = try await Self.diagnose(client, "diagnose_load_balancer", ["load_balancer": "diag-lb"])
            let reads = harness.cloud.requests()
            #expect(reads.allSatisfy { $0.method == "GET" } && reads.count == 9, "\(reads.map { $0.path + "?" + $0.query })")

            let fine = try await Self.diagnose(client, "diagnose_load_balancer", ["load_balancer": "api-lb"])
            #expect(Self.codes(fine).isEmpty, "\(fine)")
            #expect((fine["checked"]?.arrayValue?.count ?? 0) >= 3, "\(fine)")
            let degraded = try await Self.diagnose(client, "diagnose_load_balancer", ["load_balancer": "web-lb"])
            #expect(Self.codes(degraded) == ["health_monitor_blocked_by_security_group", "member_offline"], "\(degraded)")
        }
    }

    @Test func aProjectNearItsQuotaAndOneThatIsNot() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject))
            let pressed = try await Self.diagnose(client, "diagnose_quota", ["project": "demo"])
            #expect(pressed["subject"]?["id"]?.stringValue == demo.id)
            let top = try #require(pressed["findings"]?.arrayValue?.first, "\(pressed)")
            #expect(top["code"] == "quota_near_limit", "\(pressed)")
            #expect(top["evidence"]?.arrayValue?.first?["type"] == "project" && top["evidence"]?.arrayValue?.first?["id"]?.stringValue == demo.id)
            let volumes = try #require(pressed["findings"]?.arrayValue?.first { $0["evidence"]?.arrayValue?.first?["field"] == "quota.volumes" }, "\(pressed)")
            let own = data.volumes.filter { $0.projectID == demo.id }
            let largest = own.map(\.size).max()
            #expect(volumes["evidence"]?.arrayValue?.first { $0["type"] == "volume" }?["value"]?["what"]?.stringValue?.hasPrefix("\(largest ?? -1) GiB") == true,
                    "the largest volume first: \(volumes)")
            #expect(volumes["evidence"]?.arrayValue?.contains { $0["type"] == "user" } == true, "use per user")

            harness.cloud.resetRequestLog()
            let admin = try await Self.diagnose(client, "diagnose_quota", [:])
            let reads = harness.cloud.requests()
            #expect(reads.count == 3, "the three quota sets, and no consumers when nothing is at 80%: \(reads.map(\.path))")
            #expect(admin["subject"]?["name"] == "admin" && Self.errors(admin).isEmpty, "\(admin)")
            #expect(admin["checked"]?.arrayValue?.isEmpty == false)
            let nobody = try await client.call("diagnose_quota", ["project": "no-such-project"])
            #expect(nobody.isError && nobody.text.contains("no-such-project"), "\(nobody.text)")
        }
    }

    @Test func aMemberGetsAnswersWithTheAdminChecksUnknown() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject))
            let volume = try #require(data.volumes.first { $0.projectID == demo.id && $0.status == "in-use" })
            let answer = try await Self.diagnose(client, "diagnose_volume", ["volume": .string(volume.name)])
            #expect(Self.unknown(answer, "volume_backend")?.contains("admin role") == true, "\(answer)")
            #expect(Self.unknown(answer, "volume_service")?.contains("admin role") == true, "\(answer)")
            #expect(answer["checked"]?.arrayValue?.isEmpty == false)

            let balancer = try await Self.diagnose(client, "diagnose_load_balancer", ["load_balancer": "diag-lb"])
            #expect(Self.codes(balancer).first == "member_address_unknown", "\(balancer)")
            #expect(Self.unknown(balancer, "amphorae")?.contains("admin role") == true, "\(balancer)")

            let quota = try await Self.diagnose(client, "diagnose_quota", [:])
            #expect(quota["subject"]?["id"]?.stringValue == demo.id && Self.codes(quota).contains("quota_near_limit"), "\(quota)")
            let other = try await Self.diagnose(client, "diagnose_quota", ["project": .string(data.project(named: DemoCloud.adminProject)!.id)])
            #expect(Self.unknown(other, "compute_quotas")?.contains("admin role") == true, "\(other)")
            #expect(Self.unknown(other, "volume_quotas")?.contains("admin role") == true, "\(other)")
        }
    }
}
