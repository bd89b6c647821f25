import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Cinder's user messages, Nova's migrations, and a router's interfaces and a port's binding,
/// through MCP against the demo cloud.
@Suite struct DiagnosisReadsTests {
    static let member = PlacementReadsTests.member

    @Test func volumeMessagesSayWhyAVolumeFailed() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let all = try await client.call("get_volume_messages", ["limit": 1000])
            #expect(!all.isError, "\(all.text)")
            #expect(all.items.compactMap { $0["id"]?.stringValue } == data.volumeMessages.map(\.id))
            #expect(data.volumeMessages.count == data.volumes.filter { $0.status == "error" }.count)

            let volume = try #require(data.volumes.first { $0.name == "diag-no-backend" })
            #expect(volume.status == "error" && volume.volumeType == "diag-fast" && volume.projectID == data.project(named: DemoCloud.adminProject)?.id)
            let type = try #require(data.blockStorage.volumeTypes.first { $0.name == "diag-fast" })
            #expect(type.extraSpecs["volume_backend_name"] == "fast-nvme")
            #expect(!data.blockStorage.pools.contains { $0.backendName == "fast-nvme" })
            let pools = try await client.call("get_volume_pools", ["volume_type": "diag-fast"])
            #expect(!pools.isError && pools.items.isEmpty, "no pool serves the type's backend: \(pools.text)")

            let messages = try await client.call("get_volume_messages", ["volume": "diag-no-backend"])
            #expect(messages.items.count == 1, "\(messages.text)")
            let message = try #require(messages.items.first)
            #expect(message["resource_type"]?.stringValue == "VOLUME" && message["resource_uuid"]?.stringValue == volume.id)
            #expect(message["event_id"]?.stringValue == "VOLUME_VOLUME_001_003" && message["message_level"]?.stringValue == "ERROR")
            #expect(message["user_message"]?.stringValue == "schedule allocate volume: Could not find any available weighted backend.")
            #expect(message["created_at"] != nil && message["guaranteed_until"] != nil && message["request_id"] != nil)

            let byEvent = try await client.call("get_volume_messages", ["event_id": "VOLUME_VOLUME_001_003", "message_level": "error"])
            #expect(byEvent.items.compactMap { $0["resource_uuid"]?.stringValue } == data.volumeMessages.filter { $0.eventID == "VOLUME_VOLUME_001_003" }.map(\.resourceUUID))
            let byID = try await client.call("get_volume_messages", ["resource_uuid": .string(volume.id), "detail_level": "basic"])
            #expect(byID.items.count == 1 && byID.items.first?["guaranteed_until"] == nil)

            let healthy = try #require(data.volumes.first { $0.status == "available" })
            let none = try await client.call("get_volume_messages", ["volume": .string(healthy.id)])
            #expect(!none.isError && none.items.isEmpty)
            #expect(none.structured["notes"]?.arrayValue?.first?.stringValue?.hasPrefix("0 messages match volume=") == true, "\(none.text)")
            let unknown = try await client.call("get_volume_messages", ["volume": "no-such-volume"])
            #expect(unknown.isError && unknown.text.contains("no-such-volume"), "\(unknown.text)")
        }
    }

    @Test func aMemberSeesTheMessagesOfItsProject() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let data = harness.cloud.data
            let project = try #require(data.project(named: DemoCloud.memberProject)).id
            let result = try await harness.client().call("get_volume_messages", ["limit": 1000])
            #expect(!result.isError, "\(result.text)")
            #expect(result.items.compactMap { $0["id"]?.stringValue } == data.volumeMessages.filter { $0.projectID == project }.map(\.id))
        }
    }

    @Test func aCinderOlderThanMessagesGetsAClearError() async throws {
        try await ServerHarness.run(volumeMicroversion: 2) { harness in
            let result = try await harness.client().call("get_volume_messages", [:])
            #expect(result.isError && result.text.contains("microversion 3.3") && result.text.contains("3.2"), "\(result.text)")
            #expect(!harness.cloud.requests().contains { $0.path.hasSuffix("/messages") })
        }
        try await ServerHarness.run(volumeMicroversion: 4) { harness in
            let client = harness.client()
            let unfiltered = try await client.call("get_volume_messages", [:])
            #expect(!unfiltered.isError && unfiltered.items.count == harness.cloud.data.volumeMessages.count, "\(unfiltered.text)")
            let filtered = try await client.call("get_volume_messages", ["event_id": "VOLUME_VOLUME_001_003"])
            #expect(filtered.isError && filtered.text.contains("3.5"), "\(filtered.text)")
        }
    }

    @Test func migrationsWithFiltersAndPaging() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let expected = data.migrations
            #expect(expected.count == 5 && expected.filter { $0.status == "error" }.count == 1)
            let all = try await client.call("get_migrations", [:])
            #expect(all.items.compactMap { $0["uuid"]?.stringValue } == expected.map(\.uuid), "\(all.text)")
            let first = try #require(all.items.first)
            for key in ["id", "instance_uuid", "source_compute", "dest_compute", "status", "migration_type", "created_at", "updated_at"] {
                #expect(first[key] != nil, "\(key)")
            }
            #expect(first["project_id"]?.stringValue == expected[0].projectID)

            let failed = try await client.call("get_migrations", ["status": "error"])
            let broken = try #require(expected.first { $0.status == "error" })
            #expect(failed.items.compactMap { $0["uuid"]?.stringValue } == [broken.uuid])
            let server = try #require(data.server(id: broken.instanceUUID))
            let byName = try await client.call("get_migrations", ["server": .string(server.name)])
            #expect(byName.items.compactMap { $0["instance_uuid"]?.stringValue }.allSatisfy { $0 == server.id } && !byName.items.isEmpty)
            let host = broken.destCompute
            let byHost = try await client.call("get_migrations", ["host": .string(host)])
            #expect(Set(byHost.items.compactMap { $0["uuid"]?.stringValue }) == Set(expected.filter { $0.sourceCompute == host || $0.destCompute == host }.map(\.uuid)))
            let resizes = try await client.call("get_migrations", ["migration_type": "resize"])
            #expect(resizes.items.compactMap { $0["migration_type"]?.stringValue } == ["resize"])

            harness.cloud.resetRequestLog()
            let page = try await client.call("get_migrations", ["limit": 2])
            #expect(page.items.count == 2 && page.structured["next_cursor"] != nil)
            #expect(harness.cloud.requests().contains { $0.path.hasSuffix("/os-migrations") && $0.query.contains("limit=") })
            let next = try await client.call("get_migrations", ["limit": 2, "cursor": try #require(page.structured["next_cursor"])])
            #expect(next.items.compactMap { $0["uuid"]?.stringValue } == Array(expected.dropFirst(2).prefix(2).map(\.uuid)))

            let future = try await client.call("get_migrations", ["changes_since": "2099-01-01T00:00:00Z"])
            #expect(!future.isError && future.items.isEmpty)
            #expect(future.structured["notes"]?.arrayValue?.first?.stringValue?.hasPrefix("0 migrations match changes_since=") == true, "\(future.text)")
        }
    }

    @Test func migrationsNeedTheAdminRoleAndPagingNeeds259() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let result = try await harness.client().call("get_migrations", [:])
            #expect(result.isError && result.text.contains("HTTP 403") && result.text.contains("admin role"), "\(result.text)")
        }
        try await ServerHarness.run(computeMicroversion: 58) { harness in
            let client = harness.client()
            let all = try await client.call("get_migrations", ["limit": 2])
            #expect(!all.isError && all.items.count == 2 && all.items.allSatisfy { $0["uuid"] == nil }, "\(all.text)")
            #expect(!harness.cloud.requests().contains { $0.path.hasSuffix("/os-migrations") && $0.query.contains("limit=") })
            let since = try await client.call("get_migrations", ["changes_since": "2026-01-01T00:00:00Z"])
            #expect(since.isError && since.text.contains("2.59"), "\(since.text)")
        }
    }

    @Test func aRoutersInterfacesComeFromOneQueryAndAPortShowsItsBinding() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let router = try #require(data.routers.first)
            _ = try await client.call("get_router", ["id": .string(router.id), "detail_level": "basic"])  // token and discovery
            harness.cloud.resetRequestLog()
            let shown = try await client.call("get_router", ["id": .string(router.id)])
            let item = try #require(shown.structured["item"])
            let expected = data.ports.filter { $0.deviceID == router.id && $0.deviceOwner.hasPrefix("network:router_interface") }
            let interfaces = item["interfaces"]?.arrayValue ?? []
            #expect(Set(interfaces.compactMap { $0["port_id"]?.stringValue }) == Set(expected.map(\.id)) && !expected.isEmpty)
            for port in expected {
                let entry = try #require(interfaces.first { $0["port_id"]?.stringValue == port.id })
                #expect(entry["subnet_id"]?.stringValue == port.fixedIPs.first?.subnetID && entry["ip_address"]?.stringValue == port.fixedIPs.first?.ipAddress)
                #expect(entry["network_id"]?.stringValue == port.networkID)
            }
            #expect(item["external_gateway"]?["network_id"]?.stringValue == router.externalNetworkID)
            #expect(item["external_gateway"]?["enable_snat"]?.boolValue == router.enableSNAT)
            let ports = harness.cloud.requests().filter { $0.path.hasSuffix("/ports") }
            #expect(ports.count == 1 && ports[0].query.contains("device_id=\(router.id)"), "\(ports.map(\.query))")
            #expect(ports[0].query.contains("device_owner=network%3Arouter_interface_distributed") || ports[0].query.contains("device_owner=network:router_interface_distributed"))

            let port = try #require(data.ports.first { $0.deviceOwner == "compute:nova" && !$0.hostID.isEmpty })
            let detailed = try await client.call("get_port", ["id": .string(port.id)])
            let binding = try #require(detailed.structured["item"])
            #expect(binding["binding:host_id"]?.stringValue == port.hostID && binding["binding:vif_type"]?.stringValue == "ovs")
            #expect(binding["binding:vnic_type"]?.stringValue == "normal" && binding["binding:vif_details"] == nil)
            let full = try await client.call("get_port", ["id": .string(port.id), "detail_level": "full"])
            #expect(full.structured["item"]?["binding:vif_details"]?["bridge_name"]?.stringValue == "br-int")
        }
    }
}
