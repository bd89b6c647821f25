import CloudSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import OpenStackKit
import Testing

/// The resource declarations: the requests, schemas and checks derived from them, and the
/// library listing and showing on its own against the demo cloud over HTTP.
@Suite struct ResourceDeclarationTests {
    static func query(_ request: ListRequest) -> [String] { request.query.map { "\($0.name)=\($0.value ?? "")" } }

    @Test func filtersBecomeQueryWordsInDeclarationOrder() throws {
        let networks = try Network.declaration.listRequest(["external": true, "status": "active", "filter": "web"])
        #expect(Self.query(networks) == ["router:external=true", "status=ACTIVE"])
        #expect(networks.path == "/networks" && networks.collectionKey == "networks" && networks.supportsPaging)

        let ports = try OpenStackKit.Port.declaration.listRequest(["ip_address": "10.0.0.5", "host": "compute-3", "status": "down"])
        #expect(Self.query(ports) == ["binding:host_id=compute-3", "status=DOWN", "fixed_ips=ip_address=10.0.0.5"])

        let rules = try SecurityGroupRule.declaration.listRequest(["ethertype": "ipv6", "direction": "INGRESS", "protocol": "TCP"])
        #expect(Self.query(rules) == ["direction=ingress", "ethertype=IPv6", "protocol=tcp"])

        let availability = try NetworkIPAvailability.declaration.listRequest(["ip_version": 6])
        #expect(!availability.supportsPaging && availability.markerField == "network_id")
        #expect(Self.query(availability) == ["ip_version=6"])
        // Null and blank values are "not given".
        #expect(try Subnet.declaration.listRequest(["network_id": .null, "cidr": " "]).query.isEmpty)
    }

    @Test func badValuesNameTheArgumentAndWhatIsAllowed() {
        #expect(throws: ArgumentError.self) { try Network.declaration.listRequest(["shared": "sometimes"]) }
        do {
            _ = try Subnet.declaration.listRequest(["ip_version": 5])
            Issue.record("ip_version 5 accepted")
        } catch let error as ArgumentError {
            #expect(error.argument == "ip_version" && error.problem.contains("4, 6"), "\(error)")
        } catch { Issue.record("\(error)") }
        do {
            _ = try Router.declaration.listRequest(["status": "BROKEN"])
            Issue.record("status BROKEN accepted")
        } catch let error as ArgumentError {
            #expect(error.description.contains("allowed: ACTIVE, DOWN, BUILD, ERROR"), "\(error)")
        } catch { Issue.record("\(error)") }
    }

    @Test func schemaEntriesComeFromTheSameDeclaration() {
        let schema = SecurityGroupRule.declaration.schemaProperties
        #expect(schema["ethertype"] == ["type": "string", "enum": ["IPv4", "IPv6"]])
        #expect(schema["remote_ip_prefix"]?["description"]?.stringValue?.contains("0.0.0.0/0") == true)
        #expect(Network.declaration.schemaProperties["external"] == ["type": "boolean"])
        #expect(Subnet.declaration.schemaProperties["ip_version"] == ["type": "integer", "enum": [4, 6]])
    }

    @Test func pathsAreBuiltFromEncodedSegments() {
        #expect(Subnet.declaration.itemPath("0f3c-77") == "/subnets/0f3c-77")
        // An ID is one segment whatever it holds: it cannot climb or add a query.
        #expect(Subnet.declaration.itemPath("../ports?x=1#y") == "/subnets/..%2Fports%3Fx%3D1%23y")
        #expect(Subnet.declaration.itemPath("..") == "/subnets/%2E%2E")
        #expect(ResourcePath("resource_providers").appending("a/b").appending(literal: "usages").description
            == "/resource_providers/a%2Fb/usages")
        #expect(Self.query(FloatingIP.declaration.nameLookup("172.24.4.9")) == ["floating_ip_address=172.24.4.9"])
        #expect(SecurityGroupRule.declaration.nameLookup("x").query.isEmpty, "rules have no name filter")
    }

    @Test func mappedValuesMinimumsRegexesAndTimes() throws {
        // is_public: the default is not sent, all is Nova's None; a minimum of 0 is not sent.
        #expect(try Flavor.declaration.listRequest(["is_public": "TRUE", "min_disk": 0]).query.isEmpty)
        #expect(Self.query(try Flavor.declaration.listRequest(["is_public": "all", "min_ram": 512, "min_disk": 20]))
            == ["minDisk=20", "minRam=512", "is_public=None"])
        #expect(Self.query(try Flavor.declaration.listRequest(["is_public": "false"])) == ["is_public=false"])
        #expect(Flavor.declaration.schemaProperties["min_ram"]?["minimum"] == 0)
        #expect(throws: ArgumentError.self) { try Flavor.declaration.listRequest(["min_ram": -1]) }
        #expect(throws: ArgumentError.self) { try Flavor.declaration.listRequest(["min_ram": "lots"]) }

        let servers = try OpenStackKit.Server.declaration.listRequest([
            "project_id": "p1", "status": "shutoff", "name": "^web-", "changes_since": "2026-01-15T13:00:00+01:00",
        ])
        #expect(Self.query(servers) == [
            "all_tenants=True", "project_id=p1", "status=SHUTOFF", "name=^web-", "changes-since=2026-01-15T12:00:00Z",
        ])
        do {
            _ = try OpenStackKit.Server.declaration.listRequest(["name": "web-("])
            Issue.record("an invalid regex was accepted")
        } catch let error as ArgumentError {
            #expect(error.argument == "name" && error.problem.contains("regular expression"), "\(error)")
        }
        #expect(throws: ArgumentError.self) { try OpenStackKit.Server.declaration.listRequest(["changes_since": "yesterday"]) }
        // Nova's name filter is a regex: the lookup asks for exactly this name.
        #expect(Self.query(OpenStackKit.Server.declaration.nameLookup("db.1")) == ["name=^db\\.1$"])
    }

    @Test func scopesFixedWordsAndUnpagedFilters() throws {
        // Server groups take all_projects=True but no project_id.
        #expect(ServerGroup.declaration.schemaProperties["project_id"] == nil)
        #expect(Self.query(try ServerGroup.declaration.listRequest(["all_projects": true])) == ["all_projects=True"])
        #expect(try ServerGroup.declaration.listRequest(["all_projects": false]).query.isEmpty)
        #expect(try ServerGroup.declaration.listRequest().usesOffset)

        let hypervisors = try Hypervisor.declaration.listRequest()
        #expect(Self.query(hypervisors) == ["with_servers=true"] && hypervisors.supportsPaging)
        let matching = try Hypervisor.declaration.listRequest(["hostname_pattern": "compute-1"])
        #expect(Self.query(matching) == ["with_servers=true", "hypervisor_hostname_pattern=compute-1"])
        #expect(!matching.supportsPaging, "Nova does not page a hostname pattern")
        let byName = Hypervisor.declaration.nameLookup("compute-1")
        #expect(Self.query(byName) == ["hypervisor_hostname_pattern=compute-1", "with_servers=true"] && !byName.supportsPaging)

        #expect(Self.query(Flavor.declaration.nameLookup("m1.small")) == ["is_public=None"])
        #expect(Self.query(OpenStackKit.Image.declaration.nameLookup("cirros")) == ["name=cirros", "visibility=all"])
        let keypairs = try Keypair.declaration.listRequest()
        #expect(keypairs.markerField == "name")
        let wrapped: JSONValue = ["keypairs": [["keypair": ["name": "k1"]]]]
        #expect(keypairs.extractItems?(wrapped).first?["name"] == "k1")
    }

    @Test func theLibraryListsAndShowsOnItsOwn() async throws {
        try await withDemoCloud(DemoCloudConfiguration(servers: 60)) { demo, _ in
            var settings = CloudSettings()
            settings.authURL = await demo.authURL.absoluteString
            settings.username = DemoCloud.adminUser
            settings.password = DemoCloud.adminPassword
            settings.projectName = DemoCloud.adminProject
            var logger = Logger(label: "library")
            logger.logLevel = .warning
            let cloud = try OpenStackCloud(configuration: try settings.resolve(name: "demo"), logger: logger)
            defer { Task { await cloud.shutdown() } }

            let network = try #require(demo.data.subnets.first?.networkID)
            let expected = demo.data.subnets.filter { $0.networkID == network && $0.ipVersion == 4 }
            let page = try await cloud.list(Subnet.self, filters: ["network_id": .string(network), "ip_version": 4], limit: 50)
            #expect(Set(page.items.map(\.id)) == Set(expected.map(\.id)))
            #expect(page.nextMarker == nil)

            // Paging stops at the limit and continues from the marker, with nothing read twice.
            let first = try await cloud.list(OpenStackKit.Port.self, limit: 5)
            let marker = try #require(first.nextMarker)
            let second = try await cloud.list(OpenStackKit.Port.self, limit: 5, marker: marker)
            #expect(first.items.count == 5 && second.items.count == 5)
            #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))

            let one = try await cloud.show(Subnet.self, id: expected[0].id)
            #expect(one.id == expected[0].id && one.cidr == expected[0].cidr)
            await #expect(throws: ArgumentError.self) { _ = try await cloud.list(Subnet.self, filters: ["colour": "red"]) }
            let log = demo.requests().filter { $0.path.hasPrefix("/network") }
            #expect(log.allSatisfy { $0.method == "GET" }, "\(log)")
        }
    }

    @Test func theDemoCloudKeepsABoundedRequestLog() async throws {
        var configuration = DemoCloudConfiguration(servers: 10)
        configuration.requestLogLimit = 40
        try await withDemoCloud(configuration) { demo, url in
            for _ in 0..<100 { _ = try await URLSession.shared.data(from: url) }
            let kept = demo.requests().count
            #expect(kept <= 40 && kept >= 30, "\(kept)")
        }
    }
}
