import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// A service behind a proxy writes its internal origin into its links (the demo cloud's
/// `.foreignLinks` fault). The token must still go only to the catalog's endpoints: a listener on
/// loopback plays the internal host and must see nothing, and paging must still read every page.
@Suite(.serialized) struct ForeignLinkTests {
    static let warning = "a link in the service's answer names another origin than its catalog endpoint; requesting the catalog endpoint instead"
    static let servers = "/compute/v2.1/servers/detail"
    static let images = "/image/v2/images"

    static func ids(_ result: MCPTestClient.ToolResult) -> [String] { result.items.compactMap { $0["id"]?.stringValue } }

    @Test func foreignLinksArePagedOnTheCatalogEndpointAndWarnedOncePerEndpoint() async throws {
        let foreign = try await ForeignHost.start()
        let origin = "http://127.0.0.1:\(foreign.port)"
        let logs = CapturedLogs()
        try await ServerHarness.run(computeMaxLimit: 10, imageMaxLimit: 3, logs: logs) { harness in
            let demo = harness.cloud
            // Before any call, so that Glance's version discovery (its catalog URL is unversioned)
            // answers with a foreign link too.
            demo.setFault(.foreignLinks(origin: origin), forPathPrefix: "/compute/")
            demo.setFault(.foreignLinks(origin: origin), forPathPrefix: "/image/")
            let client = harness.client()
            let arguments: JSONValue = ["all_projects": true, "limit": 1000, "detail_level": "basic"]

            // Nova: absolute `servers_links` on the internal origin, without the /compute prefix.
            let servers = try await client.call("get_instances", arguments)
            #expect(!servers.isError, "\(servers.text.prefix(300))")
            #expect(Self.ids(servers).sorted() == demo.data.servers.map(\.id).sorted(), "every server, each once")
            let serverPages = demo.requests().filter { $0.path == Self.servers }
            // Nova links a next page after every full one, so a count that fills its last page reads one empty page more.
            #expect(serverPages.count == demo.data.servers.count / 10 + 1, "pages of 10")
            #expect(serverPages.allSatisfy { $0.status == 200 })
            #expect(serverPages.dropFirst().allSatisfy { $0.query.contains("marker=") })

            // Glance: `next` made absolute on the internal origin, and a foreign version link.
            let images = try await client.call("get_images", ["limit": 1000, "detail_level": "basic"])
            #expect(!images.isError, "\(images.text.prefix(300))")
            let imagePages = demo.requests().filter { $0.path == Self.images }
            #expect(imagePages.count > 2 && imagePages.allSatisfy { $0.status == 200 }, "\(imagePages.map(\.query))")

            // A second round reads every page again and warns no more.
            demo.resetRequestLog()
            #expect(Self.ids(try await client.call("get_instances", arguments)).count == demo.data.servers.count)
            #expect(demo.requests().filter { $0.path == Self.servers }.count == serverPages.count)

            // The same images as the demo cloud lists without the fault.
            demo.clearFaults()
            let clean = try await client.call("get_images", ["limit": 1000, "detail_level": "basic"])
            #expect(Self.ids(images).count > 3 && Self.ids(images) == Self.ids(clean))

            #expect(foreign.requests.isEmpty, "the internal host saw: \(foreign.requests)")
            let warnings = logs.entries.filter { $0.message == Self.warning }
            #expect(warnings.compactMap { $0.metadata["service"] }.sorted() == ["Glance", "Nova"], "once per endpoint")
            #expect(warnings.allSatisfy { $0.level == .warning && $0.metadata["link_origin"] == origin })
            // The catalog's URLs: Glance's is unversioned, and its discovery and pages warn as one.
            #expect(Set(warnings.compactMap { $0.metadata["endpoint"].flatMap { URL(string: $0)?.path } }) == ["/compute/v2.1", "/image"])
            let token = try await harness.openstack.token().id
            for entry in logs.entries {
                let line = "\(entry.message) \(entry.metadata)"
                #expect(!line.contains(token) && !line.contains("marker="), "\(line)")
            }
        }
        await foreign.stop()
    }

    @Test func aPlainHTTPLinkFromAnHTTPSEndpointStaysOnHTTPS() async throws {
        let foreign = try await ForeignHost.start()
        let ca = try await TestCertificates.path("ca.pem")
        var demo = DemoCloudConfiguration(tls: try await TestCertificates.serverTLS())
        demo.computeMaxLimit = 10
        let http = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(5), totalTimeout: .seconds(8), caCertificatePath: ca)
        try await MultiCloudHarness.run([MultiCloudHarness.Spec(name: "secure", demo: demo, http: http)]) { harness in
            let cloud = harness.demos[0]
            cloud.setFault(.foreignLinks(origin: "http://127.0.0.1:\(foreign.port)"), forPathPrefix: "/compute/")
            let result = try await harness.client().call("get_instances", ["all_projects": true, "limit": 1000, "detail_level": "basic"])
            #expect(!result.isError, "\(result.text.prefix(300))")
            #expect(Self.ids(result).sorted() == cloud.data.servers.map(\.id).sorted())
            #expect(cloud.requests().filter { $0.path == Self.servers && $0.status == 200 }.count == cloud.data.servers.count / 10 + 1)
            #expect(foreign.requests.isEmpty, "the internal host saw: \(foreign.requests)")
        }
        await foreign.stop()
    }
}
