import Foundation
import Testing

@testable import OpenStackKit

/// Every official api-ref sample of the resources we read decodes into our models.
@Suite struct SampleDecodingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/openstack-api-samples").standardized

    /// Sample files under `folder` whose names match `pattern`.
    static func samples(_ folder: String, matching pattern: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" && $0.lastPathComponent.range(of: pattern, options: .regularExpression) != nil }
            .sorted { $0.path < $1.path }
    }

    static func load(_ url: URL) throws -> JSONValue { try JSONValue.parse(Data(contentsOf: url)) }

    /// Decodes a list or show sample, whichever it is, and returns how many objects it held.
    static func decodeAny<R: OpenStackResource>(_ type: R.Type, _ url: URL) throws -> [R] {
        let json = try load(url)
        if json[R.collectionKey]?.arrayValue != nil { return try R.list(from: json) }
        return [try R.show(from: json)]
    }

    @Test func serversDecodeAtEveryMicroversion() throws {
        let files = Self.samples("nova/servers", matching: "^server")
        #expect(files.count >= 8)
        for file in files {
            let servers = try Self.decodeAny(Server.self, file)
            #expect(!servers.isEmpty, "\(file.lastPathComponent)")
        }
    }

    @Test func embeddedFlavorAndBootFromVolumeImage() throws {
        let new = try Server.show(from: Self.load(Self.root.appendingPathComponent("nova/servers/v2.100/server-get-resp.json")))
        #expect(new.flavor?.name == "m1.tiny")
        #expect(new.flavor?.vcpus == 1)
        #expect(new.imageID == "70a599e0-31e7-49b7-b260-868f441e862b")
        #expect(new.attachedVolumeIDs == ["volume_id1", "volume_id2"])
        #expect(new.addresses.first?.type == "fixed")
        let old = try Server.show(from: Self.load(Self.root.appendingPathComponent("nova/servers/server-get-resp.json")))
        #expect(old.flavor?.id == "1")
        #expect(old.flavor?.name == nil)
    }

    @Test func downCellServersDecodeWithMissingFields() throws {
        for file in Self.samples("nova/servers/v2.69", matching: ".") {
            let servers = try Self.decodeAny(Server.self, file)
            #expect(servers.allSatisfy { !$0.id.isEmpty })
        }
    }

    @Test func flavorsDecode() throws {
        let files = Self.samples("nova/flavors", matching: "^flavor")
        #expect(files.count >= 3)
        for file in files { #expect(try !Self.decodeAny(Flavor.self, file).isEmpty) }
    }

    @Test func computeServicesDecodeWithIntegerUUIDOrNoID() throws {
        let files = Self.samples("nova/os-services", matching: "^services-list")
        #expect(files.count >= 2)
        for file in files { #expect(try !ComputeService.list(from: Self.load(file)).isEmpty) }
        let old = try ComputeService.list(from: Self.load(Self.root.appendingPathComponent("nova/os-services/services-list-get-resp.json")))
        #expect(old.first?.id != nil)
    }

    @Test func networksDecodeWithSharedAndExternalFlags() throws {
        let files = Self.samples("neutron/networks", matching: "^network")
        #expect(files.count >= 4)
        var sawExternal = false
        for file in files {
            let networks = try Self.decodeAny(Network.self, file)
            sawExternal = sawExternal || networks.contains { $0.raw["router:external"] != nil }
        }
        #expect(sawExternal)
        let one = try Network.show(from: Self.load(Self.root.appendingPathComponent("neutron/networks/network-show-response.json")))
        #expect(one.external == (one.raw["router:external"]?.boolValue ?? false))
        #expect(one.shared == (one.raw["shared"]?.boolValue ?? false))
    }

    @Test func agentsDecode() throws {
        for file in Self.samples("neutron/agents", matching: ".") { #expect(try !Self.decodeAny(NetworkAgent.self, file).isEmpty) }
    }

    @Test func volumesDecodeWithBootableAsBoolean() throws {
        let files = Self.samples("cinder/volumes", matching: "^volume-show|^volumes-list-detailed")
        #expect(files.count >= 4)
        for file in files {
            for volume in try Self.decodeAny(Volume.self, file) {
                #expect(volume.bootable == (volume.raw["bootable"]?.boolValue ?? false))
            }
        }
        for file in Self.samples("cinder/volumes", matching: "^volumes-list-response") {
            #expect(try !Volume.list(from: Self.load(file)).isEmpty)
        }
    }

    @Test func volumeServicesDecode() throws {
        let files = Self.samples("cinder", matching: "^services-list-response")
        #expect(files.count >= 2)
        for file in files { #expect(try !VolumeService.list(from: Self.load(file)).isEmpty) }
    }

    @Test func imagesDecodeWithCustomProperties() throws {
        let list = try Image.list(from: Self.load(Self.root.appendingPathComponent("glance/images-list-response.json")))
        #expect(!list.isEmpty)
        let one = try Image.show(from: Self.load(Self.root.appendingPathComponent("glance/image-show-response.json")))
        #expect(one.status != nil)
        #expect(one.properties["os_hash_algo"] == nil)
    }

    @Test func keystoneServicesAndEndpointsDecode() throws {
        #expect(try !IdentityService.list(from: Self.load(Self.root.appendingPathComponent("keystone/admin/services-list-response.json"))).isEmpty)
        _ = try IdentityService.show(from: Self.load(Self.root.appendingPathComponent("keystone/admin/service-show-response.json")))
        #expect(try !Endpoint.list(from: Self.load(Self.root.appendingPathComponent("keystone/admin/endpoints-list-response.json"))).isEmpty)
        _ = try Endpoint.show(from: Self.load(Self.root.appendingPathComponent("keystone/admin/endpoint-show-response.json")))
    }

    @Test func tokenResponsesDecodeAndTheirCatalogsResolve() throws {
        let files = Self.samples("keystone", matching: "scoped|^auth-")
        #expect(files.count >= 5)
        for file in files {
            let token = try JSONDecoder().decode(TokenResponse.self, from: Data(contentsOf: file)).token
            #expect(KeystoneDate.parse(token.expiresAt) != nil, "\(file.lastPathComponent)")
        }
        let scoped = try JSONDecoder().decode(
            TokenResponse.self,
            from: Data(contentsOf: Self.root.appendingPathComponent("keystone/auth/responses/project-scoped-password.json")))
        let catalog = ServiceCatalog(entries: scoped.token.catalog ?? [])
        #expect(try catalog.endpoint(for: .identity, interface: "public", region: nil).absoluteString == "http://example.com/identity")
    }

    @Test func versionDocumentsGiveMicroversions() throws {
        let nova = DiscoveredVersion.parseAll(try Self.load(Self.root.appendingPathComponent("nova/versions/v21-version-get-resp.json")))
        #expect(nova.first?.maxVersion == Microversion(2, 104))
        let cinder = DiscoveredVersion.parseAll(try Self.load(Self.root.appendingPathComponent("cinder/versions/version-show-response.json")))
        #expect(cinder.first?.maxVersion == Microversion(3, 71))
        let glance = DiscoveredVersion.parseAll(try Self.load(Self.root.appendingPathComponent("glance/versions/image-versions-response.json")))
        #expect(glance.contains { $0.id == "v2.0" })
    }
}
