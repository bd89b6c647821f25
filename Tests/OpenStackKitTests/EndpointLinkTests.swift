import Foundation
import Testing

@testable import OpenStackKit

/// Links from answers are requested on the catalog endpoint only: its scheme, host and port, and a
/// path under its path.
@Suite struct EndpointLinkTests {
    static func rebase(_ link: String, onto endpoint: String, from request: String? = nil) -> EndpointLink? {
        EndpointLink.rebase(link, onto: endpoint, from: request)
    }

    @Test func aLinkOnTheEndpointIsKeptAsItIs() {
        let link = "https://cloud.example/compute/v2.1/servers/detail?limit=2&marker=5e1c"
        #expect(Self.rebase(link, onto: "https://cloud.example/compute/v2.1") == EndpointLink(url: link))
        let volumes = "http://10.0.0.5:8776/v3/4f2a/volumes/detail?marker=9&limit=50"
        #expect(Self.rebase(volumes, onto: "http://10.0.0.5:8776/v3/4f2a") == EndpointLink(url: volumes))
        // A written default port, or another case, is the same origin.
        #expect(Self.rebase("https://cloud.example:443/compute/v2.1/servers?marker=a", onto: "https://cloud.example/compute/v2.1")
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=a"))
        #expect(Self.rebase("HTTP://Nova.Example:80/v2.1/flavors?marker=b", onto: "http://nova.example/v2.1")
            == EndpointLink(url: "http://nova.example/v2.1/flavors?marker=b"))
        #expect(Self.rebase("http://nova.example/v2.1/flavors", onto: "http://nova.example:80/v2.1")
            == EndpointLink(url: "http://nova.example:80/v2.1/flavors"))
    }

    @Test func relativeLinksResolveAgainstTheRequestThatAnswered() {
        // Glance's `next` is relative to its API root, which a proxy may mount under a prefix.
        let images = "https://cloud.example/image/v2/images?limit=2"
        #expect(Self.rebase("/v2/images?marker=x", onto: "https://cloud.example/image/v2", from: images)
            == EndpointLink(url: "https://cloud.example/image/v2/images?marker=x"))
        #expect(Self.rebase("/v2/images?marker=x", onto: "http://glance:9292/v2", from: "http://glance:9292/v2/images")
            == EndpointLink(url: "http://glance:9292/v2/images?marker=x"))
        let servers = "https://cloud.example/compute/v2.1/servers/detail?limit=2"
        #expect(Self.rebase("detail?marker=b", onto: "https://cloud.example/compute/v2.1", from: servers)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers/detail?marker=b"))
        #expect(Self.rebase("?marker=c", onto: "https://cloud.example/compute/v2.1", from: servers)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers/detail?marker=c"))
        // Without the request, relative to the endpoint.
        #expect(Self.rebase("servers?marker=d", onto: "https://cloud.example/compute/v2.1")
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=d"))
        // A network-path reference names another host: it is foreign.
        #expect(Self.rebase("//nova-internal:8774/v2.1/servers?marker=e", onto: "https://cloud.example/compute/v2.1", from: servers)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=e", foreignOrigin: "https://nova-internal:8774"))
    }

    @Test func aForeignOriginIsReplacedAndTheEndpointPrefixKept() {
        let endpoint = "https://cloud.example/compute/v2.1"
        #expect(Self.rebase("http://nova-internal:8774/v2.1/servers/detail?marker=5e1c&limit=2", onto: endpoint)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers/detail?marker=5e1c&limit=2",
                            foreignOrigin: "http://nova-internal:8774"))
        // Only the scheme, or only the port, differs.
        #expect(Self.rebase("http://cloud.example/compute/v2.1/servers?marker=a", onto: endpoint)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=a", foreignOrigin: "http://cloud.example"))
        #expect(Self.rebase("https://cloud.example:8774/v2.1/servers?marker=a", onto: endpoint)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=a", foreignOrigin: "https://cloud.example:8774"))
        // The service's own prefix differs from the proxy's.
        #expect(Self.rebase("http://10.0.0.7/nova/v2.1/servers?marker=a", onto: endpoint)
            == EndpointLink(url: "https://cloud.example/compute/v2.1/servers?marker=a", foreignOrigin: "http://10.0.0.7"))
        // The query is kept as it was written, fragments are not.
        #expect(Self.rebase("http://n:8774/v2.1/servers?name=a%20b&marker=x%2Fy#top", onto: endpoint)?.url
            == "https://cloud.example/compute/v2.1/servers?name=a%20b&marker=x%2Fy")
    }

    @Test func theEndpointPathDecidesWhereTheLinkGoes() {
        // The project ID in the endpoint, with and without it in the link.
        let cinder = "https://cloud.example/volume/v3/4f2a"
        #expect(Self.rebase("http://cinder:8776/v3/4f2a/volumes/detail?marker=m", onto: cinder)?.url
            == "https://cloud.example/volume/v3/4f2a/volumes/detail?marker=m")
        #expect(Self.rebase("http://cinder:8776/v3/volumes/detail?marker=m", onto: cinder)?.url
            == "https://cloud.example/volume/v3/volumes/detail?marker=m")
        // An unversioned endpoint: the link's path goes under it.
        #expect(Self.rebase("http://placement:8778/resource_providers?marker=r", onto: "https://cloud.example/placement")?.url
            == "https://cloud.example/placement/resource_providers?marker=r")
        // Version discovery: a version's self link under an unversioned catalog URL.
        #expect(Self.rebase("http://nova-internal:8774/v2.1/", onto: "https://cloud.example/compute")
            == EndpointLink(url: "https://cloud.example/compute/v2.1/", foreignOrigin: "http://nova-internal:8774"))
        // An endpoint at the root keeps the link's path.
        #expect(Self.rebase("http://internal:9696/v2.0/ports?marker=p", onto: "https://neutron.example")?.url
            == "https://neutron.example/v2.0/ports?marker=p")
        // Dot segments cannot climb out of the endpoint.
        #expect(Self.rebase("http://evil.example/../../etc/passwd", onto: "https://cloud.example/compute/v2.1")?.url
            == "https://cloud.example/compute/v2.1/etc/passwd")
        #expect(Self.rebase("/v2.1/../../../admin", onto: "https://cloud.example/compute/v2.1")?.url
            == "https://cloud.example/compute/v2.1/admin")
    }

    @Test func ipv6HostsKeepTheirBrackets() {
        let endpoint = "https://[fd00::1]:8774/v2.1"
        #expect(Self.rebase("http://[fd00::2]:8774/v2.1/servers?marker=a", onto: endpoint)
            == EndpointLink(url: "https://[fd00::1]:8774/v2.1/servers?marker=a", foreignOrigin: "http://[fd00::2]:8774"))
        #expect(Self.rebase("https://[FD00::1]:8774/v2.1/servers?marker=a", onto: endpoint)?.foreignOrigin == nil)
        #expect(EndpointLink.origin(of: "http://[::1]:5000/v3") == "http://[::1]:5000")
        #expect(EndpointResolver.origin(of: URL(string: "http://[::1]:5000/v3")!) == "http://[::1]:5000")
    }

    @Test func onlyHTTPLinksAreFollowed() {
        #expect(Self.rebase("ftp://files.example/v2.1/servers", onto: "https://cloud.example/compute/v2.1") == nil)
        #expect(Self.rebase("mailto:ops@example.org", onto: "https://cloud.example/compute/v2.1") == nil)
        #expect(Self.rebase("/v2.1/servers", onto: "not a url") == nil)
    }

    @Test func versionDiscoveryTakesTheVersionOntoTheCatalogEndpoint() async throws {
        let document = #"{"versions": [{"id": "v2.1", "status": "CURRENT", "links": [{"rel": "self", "href": "http://nova-internal:8774/v2.1/"}]}]}"#
        let asked = AskedURLs()
        let endpoint = try await EndpointResolver.resolve(
            service: .image, catalogURL: URL(string: "https://cloud.example/image")!, links: LinkFollower()
        ) { url in
            await asked.add(url)
            return RawResponse(status: 300, headers: [:], body: Data(document.replacingOccurrences(of: "v2.1", with: "v2").utf8))
        }
        #expect(endpoint.baseURL == "https://cloud.example/image/v2")
        #expect(await asked.urls == ["https://cloud.example/image/"])
    }

    actor AskedURLs {
        var urls: [String] = []
        func add(_ url: String) { urls.append(url) }
    }
}
