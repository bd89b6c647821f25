import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// describe_instance and cloud_overview, checked against the demo cloud's data and request counts.
@Suite struct CrossServiceTests {
    @Test func describeInstanceGathersPortsFloatingIPsVolumesAndRules() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let floating = try #require(data.floatingIPs.first { $0.portID != nil })
            let port = try #require(data.ports.first { $0.id == floating.portID })
            let server = try #require(data.servers.first { $0.id == port.deviceID })
            for tool in ["get_images", "get_volumes", "get_networks"] { _ = try await client.call(tool, ["limit": 1]) }  // token, discovery
            harness.cloud.resetRequestLog()
            let result = try await client.call("describe_instance", ["id": .string(server.id)])
            #expect(!result.isError, "\(result.text)")
            let item = try #require(result.structured["item"])
            #expect(result.structured["notes"] == nil, "\(result.text)")
            let portIDs = Set(item["ports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
            #expect(portIDs == Set(data.ports.filter { $0.deviceID == server.id }.map(\.id)))
            let addresses = Set(item["floating_ips"]?.arrayValue?.compactMap { $0["floating_ip_address"]?.stringValue } ?? [])
            #expect(addresses.contains(floating.floatingIPAddress))
            #expect(item["volumes"]?.arrayValue?.count == server.volumesAttached.count)
            #expect((item["security_group_rules"]?.arrayValue?.count ?? 0) > 0)
            // server (1) + image, ports and one per volume (concurrent) + floating IPs and groups (batched).
            let requests = harness.cloud.requests().filter { $0.method == "GET" }.count
            #expect(requests <= 6 + server.volumesAttached.count, "\(harness.cloud.requests().map { $0.path + "?" + $0.query })")
        }
    }

    @Test func cloudOverviewMatchesTheCloud() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let result = try await client.call("cloud_overview")
            #expect(!result.isError, "\(result.text)")
            let item = try #require(result.structured["item"])
            #expect(item["servers"]?["total"]?.intValue == data.servers.count)
            #expect(item["servers"]?["by_status"]?["ERROR"]?.intValue == data.servers.filter { $0.status == "ERROR" }.count)
            #expect(item["volumes"]?["total"]?.intValue == data.volumes.count)
            let downCompute = data.computeServices.filter { $0.state == "down" || $0.status == "disabled" }.count
            #expect(item["compute_services"]?["down_or_disabled"]?.arrayValue?.count == downCompute)
            #expect((item["capacity"]?["hosts"]?.arrayValue?.count ?? 0) == data.hypervisorHosts.count, "\(result.text.prefix(600))")
            #expect(item["quotas"]?["usage"]?["instances"] != nil)
        }
    }
}
