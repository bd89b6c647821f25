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
