@testable import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Barbican (metadata only) and Ironic (BMC secrets masked) through MCP over HTTP, against the
/// demo cloud's data.
@Suite(.serialized) struct KeyManagerBaremetalToolTests {
    static func names(_ result: MCPTestClient.ToolResult, _ key: String = "name") -> [String] {
        result.items.compactMap { $0[key]?.stringValue }
    }

    static func noCanary(_ text: String) -> Bool {
        DemoCanaries.all.allSatisfy { !text.contains($0) } && !text.contains(DemoCanaries.prefix)
    }

    @Test func secretsAreMetadataWithTheirACLAndTheExpiringOneIsFound() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let demo = try #require(data.project(named: DemoCloud.memberProject)?.id)
            let own = data.keyManager.secrets.filter { $0.projectID == demo }
            let all = try await client.call("get_secrets")
            #expect(Set(Self.names(all)) == Set(own.compactMap { $0.body["name"]?.stringValue }), "\(all.text)")
            #expect(!Self.names(all).contains("admin-kek"), "Barbican scopes lists to the token's project")
            let password = all.items.first { $0["name"] == "db-password" }
            #expect(password?["acl"]?["project_access"] == false && password?["acl"]?["users"] == 1, "\(all.text)")
            #expect(all.items.first { $0["name"] == "web-tls-key" }?["acl"]?["project_access"] == true)
            #expect(all.items.allSatisfy { $0["status"] == "ACTIVE" && $0["id"]?.stringValue?.count == 36 })

            let soon = try await client.call("get_secrets", ["expires_within_days": 7])
            #expect(Self.names(soon) == ["web-tls-cert"], "expires in 5 days; the backup key expired 30 days ago: \(soon.text)")
            let quarter = try await client.call("get_secrets", ["expires_within_days": 120, "detail_level": "detailed"])
            #expect(Set(Self.names(quarter)) == ["web-tls-cert", "db-password"], "\(quarter.text)")
            let asked = harness.cloud.requests().last { $0.path.hasSuffix("/key-manager/v1/secrets") }
            #expect(asked?.query.removingPercentEncoding?.contains("expiration=gte:") == true, "\(String(describing: asked))")
            let typed = try await client.call("get_secrets", ["secret_type": "SYMMETRIC", "algorithm": "aes"])
            #expect(Self.names(typed) == ["backup-encryption-key"], "\(typed.text)")

            let cert = try await client.call("get_secret", ["id": "web-tls-cert", "detail_level": "detailed"])
            let item = cert.structured["item"]
            #expect(item?["secret_type"] == "certificate" && item?["bit_length"] == 2048, "\(cert.text)")
            #expect(item?["content_types"]?["default"] == "application/pkix-cert" && item?["acl"] != nil, "\(cert.text)")
            let full = try await client.call("get_secret", ["id": .string(try #require(item?["id"]?.stringValue)), "detail_level": "full"])
            #expect(full.structured["item"]?["id"] == item?["id"] && full.structured["item"]?["acl"] != nil, "\(full.text)")

            let containers = try await client.call("get_secret_containers")
            let tls = containers.items.first { $0["name"] == "web-tls" }
            #expect(tls?["type"] == "certificate", "\(containers.text)")
            let refs = tls?["refs"]?.arrayValue ?? []
            #expect(refs.contains { $0["role"] == "certificate" && $0["id"] == item?["id"] }, "\(containers.text)")
            #expect(refs.contains { $0["role"] == "private_key" && $0["id"]?.stringValue?.count == 36 }, "a role is not a secret: \(containers.text)")
            let orders = try await client.call("get_secret_orders")
            let failed = orders.items.filter { $0["status"] == "ERROR" }
            #expect(failed.count == 1 && failed.first?["error_reason"]?.stringValue?.isEmpty == false, "\(orders.text)")
            #expect(orders.items.contains { $0["name"] == "backup-encryption-key" && $0["result_type"] == "secret" && $0["result_id"] != nil })

            for text in [all.text, soon.text, quarter.text, typed.text, cert.text, full.text, containers.text, orders.text] {
                #expect(Self.noCanary(text), "\(text)")
            }
            #expect(harness.cloud.requests().allSatisfy { !$0.path.lowercased().contains("payload") })
        }
    }

    @Test func payloadReadsAreRefusedBeforeTheNetwork() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let secret = try #require(harness.cloud.data.keyManager.secrets.first)
            let base = try await harness.openstack.endpoint(.keyManager).baseURL
            let http = try OpenStackHTTPClient()
            defer { Task { await http.shutdown() } }
            let before = harness.cloud.requests().count
            let attempts = [
                OutgoingRequest(url: "\(base)/secrets/\(secret.id)/payload"),
                OutgoingRequest(url: "\(base)/secrets/\(secret.id)/%70ayload"),
                OutgoingRequest(url: "\(base)/secrets/\(secret.id)", headers: [("Accept", "application/octet-stream")]),
                OutgoingRequest(url: "\(base)/secrets/\(secret.id)", headers: [("Accept", "text/plain")]),
                OutgoingRequest(url: "\(base)/secrets/\(secret.id)", headers: [("accept", "application/json, */*")]),
                OutgoingRequest(method: .HEAD, url: "\(base)/secrets/\(secret.id)/payload"),
            ]
            for attempt in attempts {
                await #expect(throws: OpenStackError.self, "\(attempt.url) \(attempt.headers)") {
                    _ = try await http.send(attempt, service: "Barbican")
                }
                do { _ = try await http.send(attempt, service: "Barbican") } catch let error as OpenStackError {
                    #expect(error.kind == .readOnly && error.message.contains("payload"), "\(error.message)")
                }
            }
            #expect(harness.cloud.requests().count == before, "nothing reached the demo Barbican")
            // The same client reads the metadata, which carries no payload.
            let metadata = try await http.send(OutgoingRequest(url: "\(base)/secrets/\(secret.id)"), service: "Barbican")
            #expect(metadata.status == 401 || Self.noCanary(String(decoding: metadata.body, as: UTF8.self)))
        }
    }

    @Test func nodesShowStatesMaintenanceAndInstanceButNeverBMCSecrets() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let nodes = try await client.call("get_baremetal_nodes")
            #expect(Self.names(nodes) == data.baremetal.nodes.compactMap { $0["name"]?.stringValue }, "\(nodes.text)")
            let maintenance = try await client.call("get_baremetal_nodes", ["maintenance": true])
            #expect(Self.names(maintenance) == ["bm-node-2", "bm-node-3"], "\(maintenance.text)")
            #expect(maintenance.items.allSatisfy { $0["maintenance_reason"] != nil && $0["last_error"] != nil })
            let failed = try await client.call("get_baremetal_nodes", ["provision_state": "clean failed"])
            #expect(Self.names(failed) == ["bm-node-3"])
            let busy = try await client.call("get_baremetal_nodes", ["associated": true])
            let served = try #require(data.baremetal.nodes.first?["instance_uuid"]?.stringValue)
            let server = try #require(data.servers.first { $0.id == served })
            #expect(busy.items.count == 1 && busy.items.first?["instance_name"]?.stringValue == server.name, "\(busy.text)")
            let redfish = try await client.call("get_baremetal_nodes", ["driver": "redfish", "detail_level": "detailed"])
            #expect(Self.names(redfish) == ["bm-node-1"] && redfish.items.first?["driver_info"]?["redfish_password"] == "***")

            for level in ["basic", "detailed", "full"] {
                let list = try await client.call("get_baremetal_nodes", ["detail_level": .string(level)])
                let one = try await client.call("get_baremetal_node", ["id": "bm-node-0", "detail_level": .string(level)])
                #expect(Self.noCanary(list.text) && Self.noCanary(one.text), "\(level): \(one.text)")
            }
            let full = try await client.call("get_baremetal_node", ["id": "bm-node-0", "detail_level": "full"])
            let info = full.structured["item"]?["driver_info"]
            #expect(info?["ipmi_password"] == "***" && info?["ipmi_hex_kg_key"] == "***" && info?["ipmi_username"] == "admin", "\(full.text)")
            #expect(full.structured["item"]?["driver_internal_info"]?["agent_secret_token"] == "***")

            let ports = try await client.call("get_baremetal_ports", ["node": "bm-node-0"])
            #expect(ports.items.count == 2 && ports.items.allSatisfy { $0["portgroup_uuid"] != nil }, "\(ports.text)")
            let groups = try await client.call("get_baremetal_portgroups", ["detail_level": "detailed"])
            #expect(Self.names(groups) == ["bm-node-0-bond0"] && groups.items.first?["mode"] == "802.3ad")
            // Allocations need API 1.52 and conductors 1.49: the negotiated version was sent.
            let allocations = try await client.call("get_baremetal_allocations", ["state": "error"])
            #expect(Self.names(allocations) == ["gpu-request"] && allocations.items.first?["last_error"] != nil, "\(allocations.text)")
            let conductors = try await client.call("get_baremetal_conductors")
            #expect(conductors.items.filter { $0["alive"] == false }.count == 1, "\(conductors.text)")
            let drivers = try await client.call("get_baremetal_drivers", ["detail_level": "detailed"])
            #expect(Set(Self.names(drivers)) == ["fake-hardware", "ipmi", "redfish"], "\(drivers.text)")
            let missing = try await client.call("get_baremetal_node", ["id": "no-such-node"])
            #expect(missing.isError && missing.text.contains("no-such-node"), "\(missing.text)")
        }
    }

    /// Ironic 39's default policy: drivers only to a system-scoped token, and a 500 to a
    /// project-scoped one, whose answer says which scope to use.
    @Test func driversAreReadWithASystemScopedToken() async throws {
        var configuration = DemoCloudConfiguration()
        configuration.ironicDriversNeedSystemScope = true
        try await withDemoCloud(configuration) { cloud, _ in
            let (project, projectPort) = try await BinaryProcess.againstDemo(
                authURL: (await cloud.authURL).absoluteString, flags: ["--toolsets", "baremetal", "--json-response"])
            defer { project.terminate() }
            let refused = try await MCPTestClient(endpoint: "http://127.0.0.1:\(projectPort)/openstack").call("get_baremetal_drivers")
            #expect(refused.isError && refused.text.contains("system-scoped token") && refused.text.contains("OS_SYSTEM_SCOPE=all"), "\(refused.text)")

            let port = try PlainHTTP.freePort()
            let server = try BinaryProcess(
                ["--port", String(port), "--toolsets", "baremetal"],
                environment: [
                    "OS_AUTH_URL": (await cloud.authURL).absoluteString, "OS_USERNAME": DemoCloud.adminUser,
                    "OS_PASSWORD": DemoCloud.adminPassword, "OS_SYSTEM_SCOPE": "all",
                ])
            defer { server.terminate() }
            #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
            let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
            let drivers = try await client.call("get_baremetal_drivers", ["detail_level": "detailed"])
            #expect(Set(Self.names(drivers)) == ["fake-hardware", "ipmi", "redfish"], "\(drivers.text)")
            #expect(drivers.items.allSatisfy { $0["hosts"]?.arrayValue?.isEmpty == false }, "\(drivers.text)")
        }
    }

    @Test func aMemberSeesTheLeasedNodeOnlyAndNoConductors() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            let nodes = try await client.call("get_baremetal_nodes")
            #expect(Self.names(nodes) == ["bm-node-0"], "\(nodes.text)")
            let conductors = try await client.call("get_baremetal_conductors")
            #expect(conductors.isError && conductors.text.contains("403"), "\(conductors.text)")
        }
    }
}
