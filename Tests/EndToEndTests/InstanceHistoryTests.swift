import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// A server's actions with their events, and its interfaces.
@Suite(.serialized) struct InstanceHistoryTests {
    @Test func actionsOfAFailedServerByNameShowTheFailingEvent() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let failed = try #require(data.servers.first { candidate in
                candidate.status == "ERROR" && data.servers.filter { $0.name == candidate.name }.count == 1
            })
            _ = try await client.call("get_networks", ["limit": 1])
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instance_actions", ["server": .string(failed.name)])
            #expect(!result.isError, "\(result.text)")
            let expected = data.instanceActions(serverID: failed.id)
            #expect(result.items.compactMap { $0["request_id"]?.stringValue } == expected.map(\.requestID))
            let create = try #require(result.items.first { $0["action"]?.stringValue == "create" })
            #expect(create["message"]?.stringValue == "Error")
            let build = create["events"]?.arrayValue?.first { $0["event"]?.stringValue == "compute__do_build_and_run_instance" }
            #expect(build?["result"]?.stringValue == "Error")
            #expect(build?["details"]?.stringValue == failed.fault?.message)
            #expect(build?["host"]?.stringValue == failed.host)
            // The name is found with one filtered list, then one list and one read per action.
            let paths = harness.cloud.requests().map(\.path)
            #expect(paths.filter { $0.hasSuffix("/servers") || $0.hasSuffix("/servers/detail") }.count == 1)
            #expect(paths.filter { $0.hasSuffix("/os-instance-actions") }.count == 1)
            #expect(paths.filter { $0.contains("/os-instance-actions/") }.count == expected.count)

            harness.cloud.resetRequestLog()
            let basic = try await client.call("get_instance_actions", ["server": .string(failed.id), "detail_level": "basic"])
            #expect(basic.items.count == expected.count && basic.items.allSatisfy { $0["events"] == nil })
            #expect(harness.cloud.requests().filter { $0.path.contains("/os-instance-actions/") }.isEmpty)
            #expect(!harness.cloud.requests().contains { $0.path.hasSuffix("/servers/detail") }, "a UUID needs no lookup")

            let full = try await client.call("get_instance_actions", ["server": .string(failed.id), "detail_level": "full"])
            let fullCreate = try #require(full.items.first { $0["action"]?.stringValue == "create" })
            #expect(fullCreate["events"]?.arrayValue?.contains { $0["traceback"]?.stringValue?.contains("Traceback") == true } == true)
        }
    }

    @Test func actionsPageWithTheTopLevelLinks() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let busy = try #require(data.servers.first { data.instanceActions(serverID: $0.id).count >= 2 })
            let first = try await client.call("get_instance_actions", ["server": .string(busy.id), "limit": 1, "detail_level": "basic"])
            #expect(first.items.count == 1)
            let cursor = try #require(first.structured["next_cursor"]?.stringValue)
            let rest = try await client.call(
                "get_instance_actions", ["server": .string(busy.id), "limit": 100, "cursor": .string(cursor), "detail_level": "basic"])
            #expect((first.items + rest.items).compactMap { $0["request_id"]?.stringValue }
                == data.instanceActions(serverID: busy.id).map(\.requestID))
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-instance-actions") && $0.query.contains("marker=req-") })

            let missing = try await client.call("get_instance_actions", [:])
            #expect(missing.isError && missing.text.contains("'server'"))
            let unknown = try await client.call("get_instance_actions", ["server": "no-such-server"])
            #expect(unknown.isError && unknown.text.contains("no server has the ID or name"), "\(unknown.text)")
        }
    }

    @Test func interfacesShowPortsWithNetworkNamesInOneLookup() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let server = try #require(data.servers.first { Set($0.addresses.filter { $0.type == "fixed" }.map(\.networkName)).count == 2 })
            harness.cloud.resetRequestLog()
            let result = try await client.call("get_instance_interfaces", ["server": .string(server.id)])
            #expect(!result.isError, "\(result.text)")
            let fixed = server.addresses.filter { $0.type == "fixed" }
            #expect(result.items.count == fixed.count)
            for address in fixed {
                let item = try #require(result.items.first { $0["mac_addr"]?.stringValue == address.macAddress })
                #expect(item["network_name"]?.stringValue == address.networkName)
                #expect(item["fixed_ips"]?.arrayValue?.first?["ip_address"]?.stringValue == address.address)
                #expect(item["network_id"]?.stringValue == data.networks.first { $0.name == address.networkName }?.id)
            }
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/network/v2.0/networks") == 1)
            // The interfaces are the server's Neutron ports, with the same IDs as get_ports shows.
            let ports = try await client.call("get_ports", ["device_id": .string(server.id)])
            #expect(!ports.isError, "\(ports.text)")
            let interfaceIDs = Set(result.items.compactMap { $0["port_id"]?.stringValue })
            #expect(!interfaceIDs.isEmpty && interfaceIDs == Set(ports.items.compactMap { $0["id"]?.stringValue }))
        }
    }
}
