@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Issue 24's Designate tools over MCP against the demo cloud: zones (with the one in ERROR),
/// recordsets, the PTR records of floating IPs, find_dns_records, transfer requests and pools,
/// and the project scope Designate takes as headers.
@Suite struct DNSToolTests {
    static let member = (user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject)

    @Test func zonesOfTheProjectWithTheOneInError() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let dns = harness.cloud.data.dns
            let demo = try #require(harness.cloud.data.project(named: DemoCloud.memberProject))
            let client = harness.client()
            let zones = try await client.call("get_zones", [:])
            #expect(!zones.isError, "\(zones.text)")
            #expect(zones.items.compactMap { $0["name"]?.stringValue } == dns.zones.filter { $0.projectID == demo.id }.compactMap { $0.body["name"]?.filterText })
            #expect(zones.items.count == 3)
            let broken = try #require(zones.items.first { $0["name"] == .string(DesignateGenerator.brokenZoneName) })
            #expect(broken["status"] == "ERROR" && broken["action"] == "CREATE")
            #expect(broken["error"]?.stringValue?.contains("CREATE did not reach the DNS servers") == true, "\(broken)")
            #expect(zones.items.filter { $0["error"] != nil }.count == 1)
            let errors = try await client.call("get_zones", ["status": "error"])
            #expect(errors.items.compactMap { $0["name"]?.stringValue } == [DesignateGenerator.brokenZoneName], "\(errors.text)")
            let wildcard = try await client.call("get_zones", ["name": "*.example.org."])
            #expect(wildcard.items.count == 3, "\(wildcard.text)")
            // Every project is an admin's question: Designate refuses the header, and the answer says so.
            let refused = try await client.call("get_zones", ["all_projects": true])
            #expect(refused.isError && refused.text.contains("403"), "\(refused.text)")

            let zone = try #require(dns.zones.first { $0.body["name"] == .string(DesignateGenerator.zoneName) })
            for key in [DesignateGenerator.zoneName, zone.id] {
                let one = try await client.call("get_zone", ["id": .string(key), "detail_level": "detailed"])
                let item = one.structured["item"] ?? .null
                #expect(!one.isError && item["id"]?.stringValue == zone.id, "\(one.text)")
                #expect(item["serial"]?.intValue == zone.body["serial"].flatMap { Int($0.filterText ?? "") } && item["serial"]?.intValue != nil)
                #expect(item["email"] == "hostmaster@demo.example.org" && item["ttl"] == .int(3600) && item["pool_id"] == .string(dns.pools[0].id))
            }
        }
    }

    @Test func anAdminScopesZonesByHeaders() async throws {
        try await ServerHarness.run { harness in
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject))
            let client = harness.client()
            let own = try await client.call("get_zones", [:])
            #expect(own.items.compactMap { $0["name"]?.stringValue } == [DesignateGenerator.adminZoneName], "\(own.text)")
            let all = try await client.call("get_zones", ["all_projects": true])
            // Four zones of projects, and the reverse zone Designate's managed project keeps the PTR in.
            #expect(all.items.count == data.dns.zones.count && all.items.count == 5, "\(all.text)")
            let sudo = try await client.call("get_zones", ["project_id": .string(demo.id)])
            #expect(Set(sudo.items.compactMap { $0["name"]?.stringValue }) == [DesignateGenerator.zoneName, DesignateGenerator.brokenZoneName, DesignateGenerator.sharedZoneName], "\(sudo.text)")
            // Paging: one zone a page, the cursor goes on.
            let first = try await client.call("get_zones", ["all_projects": true, "limit": 1])
            let cursor = try #require(first.structured["next_cursor"]?.stringValue, "\(first.text)")
            let second = try await client.call("get_zones", ["all_projects": true, "limit": 1, "cursor": .string(cursor)])
            #expect(second.items.count == 1 && second.items[0]["id"] != first.items[0]["id"])
            // An admin finds another project's zone by name and by ID.
            let zone = try #require(data.dns.zones.first { $0.body["name"] == .string(DesignateGenerator.zoneName) })
            for key in [DesignateGenerator.zoneName, zone.id] {
                let one = try await client.call("get_zone", ["id": .string(key)])
                #expect(one.structured["item"]?["id"]?.stringValue == zone.id, "\(one.text)")
            }
            let pools = try await client.call("get_dns_pools", [:])
            #expect(pools.items.compactMap { $0["name"]?.stringValue } == ["default"], "\(pools.text)")
            #expect(pools.items.first?["ns_records"] == ["ns1.example.org."])
        }
    }

    @Test func recordsetsAndThePTROfAFloatingIP() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let data = harness.cloud.data
            let client = harness.client()
            let aRecords = data.dns.recordsets.filter { $0.body["type"] == "A" }
            #expect(aRecords.count >= 2, "the demo floating IPs reach servers")
            let inZone = try await client.call("get_recordsets", ["zone": .string(DesignateGenerator.zoneName), "limit": 1000])
            #expect(!inZone.isError, "\(inZone.text)")
            #expect(inZone.items.count == data.dns.recordsets.filter { $0.body["zone_name"] == .string(DesignateGenerator.zoneName) }.count)
            #expect(Set(inZone.items.compactMap { $0["type"]?.stringValue }) == ["SOA", "NS", "A", "CNAME", "MX"])
            let typed = try await client.call("get_recordsets", ["type": "A", "limit": 1000])
            #expect(typed.items.count == aRecords.count, "\(typed.text)")
            // Each A record names a server behind a floating IP of the project, with that address.
            for item in typed.items {
                let name = try #require(item["name"]?.stringValue)
                let server = try #require(data.servers.first { name == "\($0.name).\(DesignateGenerator.zoneName)" })
                let address = try #require(item["records"]?.arrayValue?.first?.stringValue)
                let floating = try #require(data.floatingIPs.first { $0.floatingIPAddress == address })
                #expect(data.neutron.ports.first { $0.id == floating.portID }?.deviceID == server.id)
            }
            let missing = try await client.call("get_recordsets", ["zone": "no-such-zone.example."])
            #expect(missing.isError && missing.text.contains("no-such-zone.example."), "\(missing.text)")

            let (floatingID, ptrName) = try #require(data.dns.floatingIPPointers.first)
            let floating = try #require(data.floatingIPs.first { $0.id == floatingID })
            let ptrs = try await client.call("get_reverse_floating_ips", ["limit": 1000])
            #expect(!ptrs.isError, "\(ptrs.text)")
            #expect(ptrs.items.count == data.floatingIPs.filter { $0.projectID == floating.projectID }.count)
            let set = ptrs.items.filter { $0["ptrdname"] != nil }
            #expect(set.count == 1 && set[0]["address"] == .string(floating.floatingIPAddress) && set[0]["ptrdname"] == .string(ptrName))
            let port = try #require(data.neutron.ports.first { $0.id == floating.portID })
            let server = try #require(data.servers.first { $0.id == port.deviceID })
            #expect(set[0]["server_id"] == .string(server.id) && set[0]["server_name"] == .string(server.name), "\(set[0])")
        }
    }

    @Test func findRecordsByAddressAndByName() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let data = harness.cloud.data
            let client = harness.client()
            let (floatingID, ptrName) = try #require(data.dns.floatingIPPointers.first)
            let address = try #require(data.floatingIPs.first { $0.id == floatingID }?.floatingIPAddress)
            let byAddress = try await client.call("find_dns_records", ["query": .string(address)])
            #expect(!byAddress.isError, "\(byAddress.text)")
            let matched = byAddress.items.compactMap { $0["matched"]?.stringValue }.sorted()
            // The PTR is found once: as the recordset under its in-addr.arpa name, not again as the floating IP's.
            #expect(matched == ["data", "ptr_name"], "\(byAddress.text)")
            #expect(byAddress.items.contains { $0["type"] == "A" && $0["name"] == .string(ptrName) })
            let reverse = address.split(separator: ".").reversed().joined(separator: ".") + ".in-addr.arpa."
            #expect(byAddress.items.contains { $0["type"] == "PTR" && $0["name"] == .string(reverse) && $0["records"] == [.string(ptrName)] })
            #expect(byAddress.structured["truncated"] == .bool(false))

            // By name, without the trailing dot: the A record, and the CNAME that points at it.
            let byName = try await client.call("find_dns_records", ["query": .string(String(ptrName.dropLast()))])
            let types = byName.items.compactMap { $0["type"]?.stringValue }.sorted()
            #expect(types.contains("A"), "\(byName.text)")
            let mx = try await client.call("find_dns_records", ["query": "mail.demo.example.org"])
            #expect(mx.items.map { $0["type"] } == ["MX"], "\(mx.text)")

            // Paged: a wildcard over every A record, one a page, the cursor goes on to the next.
            let aCount = data.dns.recordsets.filter { $0.body["type"] == "A" }.count
            let cut = try await client.call("find_dns_records", ["query": "*.demo.example.org.", "type": "A", "limit": 1])
            let cursor = try #require(cut.structured["next_cursor"]?.stringValue, "\(cut.text)")
            #expect(cut.items.count == 1 && cut.structured["truncated"] == .bool(false), "\(cut.text)")
            let next = try await client.call("find_dns_records", ["query": "*.demo.example.org.", "type": "A", "limit": 1, "cursor": .string(cursor)])
            #expect(next.items.count == 1 && next.items[0]["id"] != cut.items[0]["id"], "\(next.text)")
            let whole = try await client.call("find_dns_records", ["query": "*.demo.example.org.", "type": "A", "limit": 1000])
            #expect(whole.items.count == aCount && whole.structured["next_cursor"] == nil, "\(whole.text)")
            let none = try await client.call("find_dns_records", ["query": "203.0.113.254"])
            #expect(!none.isError && none.items.isEmpty && none.text.contains("No record holds"), "\(none.text)")
            let empty = try await client.call("find_dns_records", ["query": " "])
            #expect(empty.isError && empty.text.contains("IP address"), "\(empty.text)")
        }
    }

    @Test func transferRequestsHideTheirKey() async throws {
        try await ServerHarness.run(user: Self.member.user, password: Self.member.password, project: Self.member.project) { harness in
            let data = harness.cloud.data
            let alt = try #require(data.project(named: DemoCloud.altProject))
            let client = harness.client()
            let answer = try await client.call("get_zone_transfer_requests", ["detail_level": "full"])
            #expect(!answer.isError, "\(answer.text)")
            #expect(answer.items.count == 1)
            let offer = try #require(answer.items.first)
            #expect(offer["zone_name"] == .string(DesignateGenerator.sharedZoneName) && offer["target_project_id"] == .string(alt.id))
            #expect(offer["key"] == "***" && !answer.text.contains(DesignateGenerator.transferKey), "\(answer.text)")
            // Pools are an admin's.
            let pools = try await client.call("get_dns_pools", [:])
            #expect(pools.isError && pools.text.contains("403"), "\(pools.text)")
        }
    }
}
