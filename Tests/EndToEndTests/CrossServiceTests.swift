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
            // The token and every service's version discovery first, so that only the tool's own reads count.
            for tool in ["get_instances", "get_images", "get_volumes", "get_networks"] { _ = try await client.call(tool, ["limit": 1]) }
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
            // The server (1); then concurrently its image (1), its ports (1) and each volume (n); then,
            // batched over all ports, floating IPs (1) and security groups (1): 5 + n, nothing else.
            let requests = harness.cloud.requests().filter { $0.method == "GET" }.count
            #expect(requests == 5 + server.volumesAttached.count, "\(harness.cloud.requests().map { $0.path + "?" + $0.query })")
        }
    }

    @Test func cloudOverviewMatchesTheCloud() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            for tool in ["get_instances", "get_volumes", "get_networks", "get_resource_providers"] { _ = try await client.call(tool, ["limit": 1]) }
            harness.cloud.resetRequestLog()
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
            #expect(item["quotas"]?["usage"]?["port"]?["used"] != nil, "network quota usage")
            // One page each of servers and volumes; three service lists; Placement's provider list and
            // two reads per provider; compute limits, volume limits and Neutron quota details.
            let hosts = data.hypervisorHosts.count
            let requests = harness.cloud.requests().filter { $0.method == "GET" }
            #expect(requests.count == 9 + 2 * hosts, "\(requests.map { $0.path + "?" + $0.query })")
        }
    }
}
