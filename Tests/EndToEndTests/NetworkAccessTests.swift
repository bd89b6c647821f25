import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Neutron tools: batched lookups (no N+1), Neutron paging in the simulator and through cursors,
/// and what a project member may see.
@Suite struct NetworkAccessTests {
    static let neutron = "/network/v2.0/"

    /// Neutron GETs per collection since the log was reset.
    static func neutronRequests(_ cloud: DemoCloud) -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in cloud.requests() where request.method == "GET" && request.path.hasPrefix(neutron) {
            counts[String(request.path.dropFirst(neutron.count)), default: 0] += 1
        }
        return counts
    }

    @Test func namesAreResolvedInOneBatchPerPage() async throws {
        try await ServerHarness.run(servers: 400) { harness in
            let client = harness.client()
            _ = try await client.call("get_networks", ["limit": 1])  // token and discovery
            let cases: [(String, [String: Int])] = [
                ("get_ports", ["ports": 1, "networks": 1, "security-groups": 1]),
                ("get_routers", ["routers": 1, "ports": 1, "networks": 1]),
                ("get_floating_ips", ["floatingips": 1, "networks": 1]),
                ("get_subnets", ["subnets": 1, "networks": 1]),
                ("get_networks", ["networks": 1, "subnets": 1]),
                ("get_security_group_rules", ["security-group-rules": 1, "security-groups": 1]),
                ("get_trunks", ["trunks": 1, "ports": 1]),
                ("get_security_groups", ["security-groups": 1]),
            ]
            for (tool, expected) in cases {
                harness.cloud.resetRequestLog()
                let result = try await client.call(tool, ["limit": 100])
                #expect(!result.isError && !result.items.isEmpty, "\(tool): \(result.text)")
                #expect(Self.neutronRequests(harness.cloud) == expected, "\(tool)")
            }
            // The batch uses repeated id= filters, not one request per network.
            harness.cloud.resetRequestLog()
            _ = try await client.call("get_ports", ["limit": 100])
            let lookup = try #require(harness.cloud.requests().first { $0.path == Self.neutron + "networks" })
            #expect(lookup.query.components(separatedBy: "id=").count > 2, "\(lookup.query)")
            #expect(harness.cloud.count(method: "GET", pathPrefix: Self.neutron + "networks/") == 0)
            // full shows the upstream objects: no lookups at all.
            harness.cloud.resetRequestLog()
            _ = try await client.call("get_ports", ["limit": 100, "detail_level": "full"])
            #expect(Self.neutronRequests(harness.cloud) == ["ports": 1])
        }
    }

    @Test func simulatorPagesLikeNeutron() async throws {
        try await ServerHarness.run { harness in
            let cloud = harness.openstack
            let all = try await cloud.get(.network, path: "/ports").json["ports"]?.arrayValue ?? []
            let ids = all.compactMap { $0["id"]?.stringValue }
            #expect(ids == ids.sorted() && ids.count == harness.cloud.data.ports.count)
            #expect(try await cloud.get(.network, path: "/ports").json["ports_links"] == nil, "no limit, no links")

            let first = try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "limit", value: "5")]).json
            #expect(first["ports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids.prefix(5)))
            let links = first["ports_links"]?.arrayValue ?? []
            #expect(links.compactMap { $0["rel"]?.stringValue } == ["next"], "the first page has no previous")
            let endpoint = try await cloud.endpoint(.network)
            let nextURL = try #require(links.first?["href"]?.stringValue)
            #expect(nextURL.contains("marker=\(ids[4])") && nextURL.contains("limit=5"))
            let second = try await cloud.get(.network, url: nextURL, endpoint: endpoint).json
            #expect(second["ports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids[5..<10]))
            let previous = try #require(second["ports_links"]?.arrayValue?.first { $0["rel"]?.stringValue == "previous" })
            let previousURL = try #require(previous["href"]?.stringValue)
            #expect(previousURL.contains("page_reverse=True") && previousURL.contains("marker=\(ids[5])"))
            let back = try await cloud.get(.network, url: previousURL, endpoint: endpoint).json
            #expect(back["ports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids.prefix(5)))
            #expect(back["ports_links"]?.arrayValue?.contains { $0["rel"]?.stringValue == "previous" } == false)

            // Any top-level attribute filters; repeated keys OR; unknown attributes are refused.
            let owner = try await cloud.get(.network, path: "/ports", query: [
                URLQueryItem(name: "device_owner", value: "network:router_gateway"),
                URLQueryItem(name: "device_owner", value: "network:dhcp"),
            ]).json["ports"]?.arrayValue ?? []
            #expect(owner.count == harness.cloud.data.ports.filter { ["network:router_gateway", "network:dhcp"].contains($0.deviceOwner) }.count)
            await #expect(throws: OpenStackError.self) {
                _ = try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "no_such", value: "x")])
            }
            let quota = try await cloud.get(.network, path: "/quotas/\(try await cloud.token().projectID ?? "")/details.json").json
            #expect(quota["quota"]?["port"]?["used"]?.intValue != nil)
        }
    }

    @Test func cursorsWalkEveryPortOnce() async throws {
        try await ServerHarness.run(servers: 60) { harness in
            let client = harness.client()
            var seen: [String] = []
            var cursor: String?
            var calls = 0
            repeat {
                var arguments: [String: JSONValue] = ["limit": 17, "detail_level": "basic"]
                if let cursor { arguments["cursor"] = .string(cursor) }
                let page = try await client.call("get_ports", .object(arguments))
                seen += page.items.compactMap { $0["id"]?.stringValue }
                cursor = page.structured["next_cursor"]?.stringValue
                calls += 1
            } while cursor != nil && calls < 50
            #expect(seen == harness.cloud.data.ports.map(\.id))
            // A filtered walk stops early: five matches need no more than the pages that hold them.
            harness.cloud.resetRequestLog()
            let web = try await client.call("get_security_group_rules", ["filter": "https", "limit": 1])
            #expect(web.items.count == 1 && web.structured["next_cursor"]?.stringValue != nil)
            #expect(harness.cloud.count(method: "GET", pathPrefix: Self.neutron + "security-group-rules") == 1)
        }
    }

    @Test func aMemberSeesItsProjectAndSharedResourcesOnly() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject)).id
            var own: [(String, Set<String>)] = []
            own.append(("get_ports", Set(data.ports.filter { $0.projectID == demo }.map(\.id))))
            own.append(("get_routers", Set(data.routers.filter { $0.projectID == demo }.map(\.id))))
            own.append(("get_floating_ips", Set(data.floatingIPs.filter { $0.projectID == demo }.map(\.id))))
            own.append(("get_security_groups", Set(data.securityGroups.filter { $0.projectID == demo }.map(\.id))))
            own.append(("get_security_group_rules", Set(data.securityGroupRules.filter { $0.projectID == demo }.map(\.id))))
            own.append(("get_trunks", Set(data.trunks.filter { $0.projectID == demo }.map(\.id))))
            let pools: [DemoSubnetPool] = data.subnetPools.filter { $0.projectID == demo || $0.shared }
            own.append(("get_subnet_pools", Set(pools.map(\.id))))
            let networks: [DemoNetwork] = data.networks.filter { $0.projectID == demo || $0.shared || $0.external }
            own.append(("get_networks", Set(networks.map(\.id))))
            for (tool, expected) in own {
                let result = try await client.call(tool, ["limit": 1000])
                #expect(!result.isError, "\(tool): \(result.text)")
                #expect(!expected.isEmpty && NetworkToolTests.ids(result) == expected, "\(tool)")
            }
            // Ports hide the admin-only binding attributes.
            let ports = try await client.call("get_ports", ["limit": 5])
            #expect(ports.items.allSatisfy { $0["binding:host_id"] == nil })

            // The default security group name is unique within the project.
            let group = try await client.call("get_security_group", ["id": "default"])
            #expect(group.structured["item"]?["project_id"]?.stringValue == demo, "\(group.text)")
            let foreign = try #require(data.routers.first { $0.projectID != demo })
            let hidden = try await client.call("get_router", ["id": .string(foreign.id)])
            #expect(hidden.isError && hidden.text.contains("no router has the ID or name"), "\(hidden.text)")

            let quotas = try await client.call("get_network_quotas")
            #expect(quotas.items.allSatisfy { $0["project_id"]?.stringValue == demo }, "\(quotas.text)")
            let admin = try #require(data.project(named: DemoCloud.adminProject)).id
            let otherQuotas = try await client.call("get_network_quotas", ["project_id": .string(admin)])
            #expect(otherQuotas.isError && otherQuotas.text.contains("HTTP 403"), "\(otherQuotas.text)")
            let availability = try await client.call("get_network_ip_availability")
            #expect(availability.isError && availability.text.contains("admin"), "\(availability.text)")
        }
    }

    @Test func badArgumentsNameTheArgument() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let version = try await client.call("get_subnets", ["ip_version": 5])
            #expect(version.isError && version.text.contains("'ip_version'"), "\(version.text)")
            let unknown = try await client.call("get_ports", ["server": "x"])
            #expect(unknown.isError && unknown.text.contains("'server'"))
            let status = try await client.call("get_routers", ["status": 3])
            #expect(status.isError && status.text.contains("'status'"))
        }
    }
}
