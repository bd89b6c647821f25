import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `get_allocation_candidates` against the demo Placement, whose answer is computed from every
/// provider's inventory, use, traits and aggregates; and the seeded `diag-needs-gpu` failure.
@Suite struct AllocationCandidatesTests {
    /// The hosts that can take `vcpus`, `ram` and `disk` more, computed here from the data.
    static func fitting(_ data: DemoData, vcpus: Int, ram: Int, disk: Int) -> [DemoHypervisorHost] {
        data.hypervisorHosts.filter { host in
            let used = CapacityToolsTests.expectedUsage(data, host: host.name)
            return used.vcpus + vcpus <= host.vcpus * 4 && used.ram + ram <= host.memoryMB - 512 && used.disk + disk <= host.localGB
        }
    }

    static func providers(_ result: MCPTestClient.ToolResult) -> [String] {
        result.items.flatMap { $0["providers"]?.arrayValue ?? [] }.compactMap { $0["uuid"]?.stringValue }
    }

    @Test func candidatesAreTheHostsWithRoomAndTheRightTraits() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let plain = try await client.call("get_allocation_candidates", ["resources": "VCPU:2,MEMORY_MB:4096,DISK_GB:20"])
            #expect(!plain.isError, "\(plain.text)")
            let fitting = Self.fitting(data, vcpus: 2, ram: 4096, disk: 20)
            #expect(!fitting.isEmpty && Self.providers(plain) == fitting.map(\.id))
            let first = try #require(plain.items.first?["providers"]?.arrayValue?.first)
            #expect(first["name"]?.stringValue == fitting[0].name && first["resources"]?["VCPU"]?.intValue == 2)
            let usage = CapacityToolsTests.expectedUsage(data, host: fitting[0].name)
            #expect(first["summary"]?["VCPU"]?["capacity"]?.intValue == fitting[0].vcpus * 4)
            #expect(first["summary"]?["VCPU"]?["used"]?.intValue == usage.vcpus)
            #expect(first["summary"]?["MEMORY_MB"]?["free"]?.intValue == fitting[0].memoryMB - 512 - usage.ram)

            // Nova forbids disabled hosts; the demo's disabled host drops out.
            let enabled = try await client.call(
                "get_allocation_candidates", ["resources": "VCPU:2,MEMORY_MB:4096,DISK_GB:20", "required": ["!COMPUTE_STATUS_DISABLED"]])
            #expect(Self.providers(enabled) == fitting.filter { $0.status != "disabled" }.map(\.id))
            let ssd = try #require(data.aggregates.first { $0.name == "ssd-hosts" })
            let inAggregate = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "member_of": .array([.string(ssd.uuid)])])
            #expect(Set(Self.providers(inAggregate)) == Set(data.hypervisorHosts.filter { ssd.hosts.contains($0.name) }.map(\.id)))
            let host = data.hypervisorHosts[0]
            let inTree = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "in_tree": .string(host.id)])
            #expect(Self.providers(inTree) == [host.id])
            let traitAndSSD = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "required": "STORAGE_DISK_SSD,HW_CPU_X86_AVX2"])
            #expect(Set(Self.providers(traitAndSSD)) == Set(Self.providers(inAggregate)))

            harness.cloud.resetRequestLog()
            let one = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "limit": 1])
            #expect(one.items.count == 1)
            let asked = harness.cloud.requests().first { $0.path.hasSuffix("/allocation_candidates") }
            #expect(asked?.query.contains("limit=1") == true, "\(asked?.query ?? "")")
            // A request bigger than any host: no candidate, in words, with the request.
            let huge = try await client.call("get_allocation_candidates", ["resources": "VCPU:1,MEMORY_MB:999999999"])
            #expect(!huge.isError && huge.items.isEmpty)
            #expect(huge.text.contains("No resource provider satisfies this request (resources=VCPU:1,MEMORY_MB:999999999)"), "\(huge.text)")
        }
    }

    @Test func theGPUServersFlavorHasNoCandidateOnlyBecauseOfItsTrait() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let data = harness.cloud.data
            let server = try #require(data.servers.first { $0.name == "diag-needs-gpu" })
            #expect(server.status == "ERROR" && server.host == nil && server.fault?.code == 500)
            #expect(server.fault?.message == "No valid host was found. There are not enough hosts available.")
            #expect(server.projectID == data.project(named: DemoCloud.adminProject)?.id)
            let flavor = try #require(data.flavors.first { $0.id == server.flavorID })
            #expect(flavor.name == "diag.gpu" && flavor.extraSpecs == ["trait:CUSTOM_GPU_A100": "required"])
            let resources = JSONValue.string("VCPU:\(flavor.vcpus),MEMORY_MB:\(flavor.ram),DISK_GB:\(flavor.disk)")
            let without = try await client.call("get_allocation_candidates", ["resources": resources])
            #expect(!without.items.isEmpty, "\(without.text)")
            let with = try await client.call("get_allocation_candidates", ["resources": resources, "required": ["CUSTOM_GPU_A100"]])
            #expect(!with.isError && with.items.isEmpty, "\(with.text)")
            #expect(with.text.contains("required=CUSTOM_GPU_A100") && with.text.contains("No resource provider satisfies"), "\(with.text)")

            // Its failed create shows the scheduling event in Error.
            let actions = try await client.call("get_instance_actions", ["server": "diag-needs-gpu"])
            let create = try #require(actions.items.first { $0["action"]?.stringValue == "create" })
            #expect(create["message"]?.stringValue == "Error")
            let events = create["events"]?.arrayValue ?? []
            #expect(events.count == 1 && events.first?["event"]?.stringValue == "conductor_schedule_and_build_instances")
            #expect(events.first?["result"]?.stringValue == "Error")
        }
    }

    @Test func argumentsAreCheckedBeforeAnyRequest() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            harness.cloud.resetRequestLog()
            let missing = try await client.call("get_allocation_candidates", [:])
            #expect(missing.isError && missing.text.contains("resources"), "\(missing.text)")
            let malformed = try await client.call("get_allocation_candidates", ["resources": "two cpus"])
            #expect(malformed.isError && malformed.text.contains("CLASS:AMOUNT"), "\(malformed.text)")
            let badList = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "required": [1, 2]])
            #expect(badList.isError && badList.text.contains("list of strings"), "\(badList.text)")
            #expect(harness.cloud.count(method: "GET", pathPrefix: "/placement/allocation_candidates") == 0)
            // Placement's own refusals come back with its words.
            let unknownTrait = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "required": ["CUSTOM_NOT_DEFINED"]])
            #expect(unknownTrait.isError && unknownTrait.text.contains("No such trait(s): CUSTOM_NOT_DEFINED"), "\(unknownTrait.text)")
            let unknownClass = try await client.call("get_allocation_candidates", ["resources": "CUSTOM_MAGIC:1"])
            #expect(unknownClass.isError && unknownClass.text.contains("No such resource class CUSTOM_MAGIC"), "\(unknownClass.text)")
        }
    }

    @Test func anOlderPlacementGetsAnErrorNamingTheMicroversion() async throws {
        try await ServerHarness.run(placementMicroversion: 21) { harness in
            let client = harness.client()
            let tree = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "in_tree": .string(harness.cloud.data.hypervisorHosts[0].id)])
            #expect(tree.isError && tree.text.contains("in_tree needs Placement microversion 1.31") && tree.text.contains("1.21"), "\(tree.text)")
            let forbidden = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "required": ["!COMPUTE_STATUS_DISABLED"]])
            #expect(forbidden.isError && forbidden.text.contains("1.22"), "\(forbidden.text)")
            let plain = try await client.call("get_allocation_candidates", ["resources": "VCPU:1", "required": ["HW_CPU_X86_AVX2"]])
            #expect(!plain.isError && !plain.items.isEmpty, "\(plain.text)")
        }
    }

    /// The demo Placement refuses a parameter newer than the requested microversion as Placement
    /// does: 400 with its error document.
    @Test func theDemoPlacementGatesParametersByMicroversion() async throws {
        try await ServerHarness.run { harness in
            let cloud = harness.openstack
            let base = try await cloud.endpoint(.placement).baseURL
            let token = try await cloud.token().id
            let host = harness.cloud.data.hypervisorHosts[0].id
            func get(_ query: String, _ version: String) async throws -> RawResponse {
                try await cloud.http.send(
                    OutgoingRequest(
                        url: base + "/allocation_candidates?" + query,
                        headers: [("X-Auth-Token", token), ("OpenStack-API-Version", "placement \(version)")]),
                    service: "placement")
            }
            let old = try await get("resources=VCPU:1&in_tree=\(host)", "1.30")
            #expect(old.status == 400)
            let error = try JSONValue.parse(old.body)["errors"]?.arrayValue?.first
            #expect(error?["status"]?.intValue == 400 && error?["detail"]?.stringValue?.contains("'in_tree' was unexpected") == true)
            #expect(try await get("resources=VCPU:1&in_tree=\(host)", "1.31").status == 200)
            #expect(try await get("resources=VCPU:1&required=!COMPUTE_STATUS_DISABLED", "1.21").status == 400)
            #expect(try await get("resources=VCPU:1&limit=1", "1.15").status == 400)
            #expect(try await get("resources=VCPU:1", "1.9").status == 404)
            // 1.10 lists a request's allocations; 1.12 keys them by provider.
            let list = try JSONValue.parse(try await get("resources=VCPU:1", "1.10").body)
            #expect(list["allocation_requests"]?.arrayValue?.first?["allocations"]?.arrayValue != nil)
            let map = try JSONValue.parse(try await get("resources=VCPU:1", "1.12").body)
            #expect(map["allocation_requests"]?.arrayValue?.first?["allocations"]?.objectValue != nil)
            let traits = try JSONValue.parse(try await get("resources=VCPU:1", "1.39").body)
            #expect(traits["provider_summaries"]?[host]?["traits"]?.arrayValue?.isEmpty == false)
        }
    }
}
