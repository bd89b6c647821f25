import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// The seed's tools through MCP over HTTP, checked against the demo cloud's data (DetailLevelTests
/// covers every tool at every level).
@Suite struct ToolAnswersTests {
    @Test func instancesMatchTheCloud() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let data = harness.cloud.data
            let all = try await client.call("get_instances", ["all_projects": true, "limit": 1000])
            #expect(Set(all.items.compactMap { $0["id"]?.stringValue }) == Set(data.servers.map(\.id)))

            let errors = try await client.call("get_instances", ["all_projects": true, "status": "error"])
            let expected = data.servers.filter { $0.status == "ERROR" }
            #expect(!expected.isEmpty)
            #expect(Set(errors.items.compactMap { $0["id"]?.stringValue }) == Set(expected.map(\.id)))
            for item in errors.items {
                #expect(item["fault"]?["message"]?.stringValue?.isEmpty == false, "ERROR server without its fault")
            }

            let host = "compute-3"
            let onHost = try await client.call("get_instances", ["all_projects": true, "host": .string(host), "status": "ERROR"])
            #expect(Set(onHost.items.compactMap { $0["id"]?.stringValue })
                == Set(data.servers.filter { $0.status == "ERROR" && $0.host == host }.map(\.id)))

            let own = try await client.call("get_instances", ["limit": 1000])
            let adminProject = data.projects.first { $0.name == DemoCloud.adminProject }!.id
            #expect(Set(own.items.compactMap { $0["id"]?.stringValue })
                == Set(data.servers.filter { $0.projectID == adminProject }.map(\.id)))

            // detailed: flavor embedded (microversion >= 2.47) and image names resolved in one batch.
            let sample = data.servers.first { $0.imageID != nil }!
            let detailed = try await client.call("get_instances", ["all_projects": true, "filter": .string(sample.id)])
            let item = try #require(detailed.items.first)
            let flavor = data.flavors.first { $0.id == sample.flavorID }!
            #expect(item["flavor"]?["name"]?.stringValue == flavor.name)
            #expect(item["flavor"]?["vcpus"]?.intValue == flavor.vcpus)
            let image = data.images.first { $0.id == sample.imageID }!
            #expect(item["image"]?["name"]?.stringValue == image.name)
            #expect(item["host"]?.stringValue == sample.host)
            let basic = try await client.call(
                "get_instances", ["all_projects": true, "filter": .string(sample.id), "detail_level": "basic"])
            #expect(basic.items.first?["image"]?.stringValue == image.name)
            #expect(basic.items.first?["flavor"]?.stringValue == flavor.name)
            #expect(Set(basic.items.first?.objectValue?.keys.map { $0 } ?? []) == ["id", "name", "status", "networks", "image", "flavor"])

            let full = try await client.call(
                "get_instances", ["all_projects": true, "filter": .string(sample.id), "detail_level": "full"])
            #expect(full.items.first?["OS-EXT-SRV-ATTR:host"]?.stringValue == sample.host)
        }
    }

    @Test func filterIsCaseInsensitiveOnNamesAndMatchesIDs() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let data = harness.cloud.data
            let result = try await client.call("get_instances", ["all_projects": true, "filter": "WEB", "limit": 1000])
            let expected = data.servers.filter { $0.name.lowercased().contains("web") || $0.id.contains("web") }
            #expect(Set(result.items.compactMap { $0["id"]?.stringValue }) == Set(expected.map(\.id)))
            let limited = try await client.call("get_instances", ["all_projects": true, "filter": "web", "limit": 2])
            #expect(limited.items.count == min(2, expected.count))
        }
    }

    @Test func networksShowSharedAndExternalFlags() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let result = try await client.call("get_networks", ["limit": 1000])
            let networks = harness.cloud.data.networks
            #expect(result.items.count == networks.count)
            for network in networks {
                let item = try #require(result.items.first { $0["id"]?.stringValue == network.id })
                #expect(item["shared"]?.boolValue == network.shared, "\(network.name)")
                #expect(item["external"]?.boolValue == network.external, "\(network.name)")
            }
            #expect(networks.contains { $0.external } && networks.contains { $0.shared })
            let external = try await client.call("get_networks", ["external": true])
            #expect(Set(external.items.compactMap { $0["id"]?.stringValue }) == Set(networks.filter(\.external).map(\.id)))
        }
    }

    @Test func volumesShowBootableAndAttachments() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let result = try await client.call("get_volumes", ["all_projects": true, "limit": 1000])
            let volumes = harness.cloud.data.volumes
            #expect(result.items.count == volumes.count)
            #expect(volumes.contains { $0.bootable } && volumes.contains { !$0.bootable })
            for volume in volumes {
                let item = try #require(result.items.first { $0["id"]?.stringValue == volume.id })
                #expect(item["bootable"]?.boolValue == volume.bootable)
                let servers = Set(item["attached_to"]?.arrayValue?.compactMap { $0["server_id"]?.stringValue } ?? [])
                #expect(servers == Set(volume.attachments.map(\.serverID)))
            }
        }
    }

    @Test func imagesAndServicesMatchTheCloud() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let data = harness.cloud.data
            let images = try await client.call("get_images", ["limit": 1000, "detail_level": "full"])
            let imageNames = Set(images.items.compactMap { $0["name"]?.stringValue })
            let publicNames = Set(data.images.filter { $0.visibility == "public" }.map(\.name))
            #expect(publicNames.isSubset(of: imageNames))
            #expect(images.items.contains { $0["os_distro"] != nil }, "full must show custom properties")

            let compute = try await client.call("get_compute_services", ["limit": 1000])
            #expect(compute.items.count == data.computeServices.count)
            #expect(compute.items.contains { $0["state"]?.stringValue == "down" })
            let agents = try await client.call("get_network_agents", ["limit": 1000])
            #expect(agents.items.count == data.networkAgents.count)
            #expect(agents.items.contains { $0["alive"]?.boolValue == false })
            let volumeServices = try await client.call("get_volume_services", ["limit": 1000])
            #expect(volumeServices.items.count == data.volumeServices.count)
            let services = try await client.call("get_services", ["limit": 1000])
            let types = Set(services.items.compactMap { $0["type"]?.stringValue })
            #expect(Set(["compute", "network", "image", "identity"]).isSubset(of: types))
            let compute1 = try #require(services.items.first { $0["type"]?.stringValue == "compute" })
            #expect((compute1["endpoints"]?.arrayValue?.count ?? 0) > 0)
        }
    }
}

/// Show tools find one resource by ID or by name.
@Suite struct ShowToolTests {
    @Test func getInstanceByIDByNameAndTheErrors() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let server = try #require(data.servers.first { $0.status == "ERROR" })
            let byID = try await client.call("get_instance", ["id": .string(server.id)])
            #expect(!byID.isError, "\(byID.text)")
            #expect(byID.structured["item"]?["id"]?.stringValue == server.id)
            #expect(byID.structured["item"]?["fault"]?["message"]?.stringValue == server.fault?.message)
            #expect(byID.structured["item"]?["volumes_attached"]?.arrayValue?.count == server.volumesAttached.count)

            let unique = try #require(data.servers.first { candidate in data.servers.filter { $0.name == candidate.name }.count == 1 })
            let byName = try await client.call("get_instance", ["id": .string(unique.name), "detail_level": "basic"])
            #expect(byName.structured["item"]?["id"]?.stringValue == unique.id, "\(byName.text)")

            let missing = try await client.call("get_instance", ["id": "no-such-server"])
            #expect(missing.isError)
            #expect(missing.text.contains("no server has the ID or name 'no-such-server'"), "\(missing.text)")

            let noID = try await client.call("get_instance", [:])
            #expect(noID.isError && noID.text.contains("'id'"))
        }
    }
}
