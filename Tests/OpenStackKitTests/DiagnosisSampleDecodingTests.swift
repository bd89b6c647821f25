import Foundation
import Testing

@testable import OpenStackKit

/// Every api-ref sample of the resources the diagnosis reads decodes: Placement's traits,
/// aggregates, inventories, usages, allocations and allocation candidates, Cinder's user
/// messages and Nova's migrations.
@Suite struct DiagnosisSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent(path)) }

    static func decode<R: DeclaredResource>(_ type: R.Type, _ document: JSONValue) throws -> [R] {
        try R.declaration.items(in: document).map(R.init(json:))
    }

    @Test func providerTraitsAndAggregates() throws {
        let traits = try Self.decode(ProviderTrait.self, Self.file("placement/resource_provider_traits/get-resource_provider-traits.json"))
        #expect(traits.map(\.name) == ["CUSTOM_HW_FPGA_CLASS1", "CUSTOM_HW_FPGA_CLASS3"] && traits.allSatisfy(\.isCustom))
        let all = try Self.decode(ProviderTrait.self, Self.file("placement/traits/get-traits.json"))
        #expect(all.count == 3)
        for sample in ["get-aggregates.json", "get-aggregates-1.19.json"] {
            let aggregates = try Self.decode(ProviderAggregate.self, Self.file("placement/aggregates/\(sample)"))
            #expect(aggregates.map(\.uuid) == ["42896e0d-205d-4fe3-bd1e-100924931787", "5e08ea53-c4c6-448e-9334-ac4953de3cfa"])
        }
    }

    @Test func inventoriesAndUsagesOnePerClass() throws {
        let records = try Self.decode(ProviderInventoryRecord.self, Self.file("placement/inventories/get-inventories.json"))
        #expect(records.map(\.resourceClass) == ["DISK_GB", "MEMORY_MB", "VCPU"])
        let memory = try #require(records.first { $0.resourceClass == "MEMORY_MB" })
        #expect(memory.entry.capacity == Int(Double(5825 - 512) * 1.5) && memory.entry.stepSize == 1 && memory.entry.maxUnit == 5825)
        let usages = try Self.decode(ProviderUsageRecord.self, Self.file("placement/resource_provider_usages/get-resource_provider_usages.json"))
        #expect(Dictionary(uniqueKeysWithValues: usages.map { ($0.resourceClass, $0.used) }) == ["DISK_GB": 1, "MEMORY_MB": 512, "VCPU": 1])
    }

    @Test func allocationsOfAConsumerOnePerProvider() throws {
        for sample in ["get-allocations.json", "get-allocations-1.38.json"] {
            let allocations = try Self.decode(ConsumerAllocation.self, Self.file("placement/allocations/\(sample)"))
            #expect(allocations.count == 2, "\(sample)")
            let compute = try #require(allocations.first { $0.providerUUID == "ba8e1ef8-7fa3-41a4-9bb4-d7cb2019899b" })
            #expect(compute.resources == ["MEMORY_MB": 512, "VCPU": 2] && compute.generation == 8)
            #expect(compute.projectID == "7e67cbf7-7c38-4a32-b85b-0739c690991a" && compute.userID == "067f691e-725a-451a-83e2-5c3d13e1dffc")
            #expect(compute.consumerType == (sample.contains("1.38") ? "INSTANCE" : nil))
        }
        #expect(try Self.decode(ConsumerAllocation.self, ["allocations": [:]]).isEmpty)
    }

    @Test func allocationCandidatesAtEveryMicroversion() throws {
        let files = Samples.samples("placement/allocation_candidates", matching: "^get-allocation_candidates")
        #expect(files.count == 5)
        for file in files {
            let candidates = try Self.decode(AllocationCandidate.self, Samples.load(file))
            #expect(!candidates.isEmpty && candidates.allSatisfy { !$0.providers.isEmpty }, "\(file.lastPathComponent)")
            #expect(candidates.map(\.candidate) == (1...candidates.count).map(String.init))
        }
        // 1.10: the list form, with the summary's capacity and use.
        let old = try Self.decode(AllocationCandidate.self, Self.file("placement/allocation_candidates/get-allocation_candidates.json"))
        let provider = try #require(old.first?.providers.first)
        #expect(provider.uuid == "30742363-f65e-4012-a60a-43e0bec38f0e" && provider.resources == ["MEMORY_MB": 512])
        #expect(provider.capacity["MEMORY_MB"]?.capacity == 11206 && provider.capacity["MEMORY_MB"]?.used == 256)
        // 1.34: the map form, with traits, the tree and mappings.
        let new = try Self.decode(AllocationCandidate.self, Self.file("placement/allocation_candidates/get-allocation_candidates-1.34.json"))
        let vcpu = try #require(new.first?.providers.first { $0.resources["VCPU"] != nil })
        #expect(vcpu.traits == ["HW_NUMA_ROOT", "CUSTOM_FOO"] && vcpu.rootProviderUUID == "be99627d-e848-44ef-8341-683e2e557c58")
        #expect(new.first?.raw["mappings"]?[""] != nil)
    }

    @Test func volumeMessagesListAndShow() throws {
        let list = try VolumeMessage.list(from: Self.file("cinder/messages/messages-list-response.json"))
        #expect(list.count == 2 && list.allSatisfy { $0.resourceType == "VOLUME" && $0.messageLevel == "ERROR" })
        let one = try VolumeMessage.show(from: Self.file("cinder/messages/messages-show-response.json"))
        #expect(one.id == "c506cd4b-9048-43bc-97ef-0d7dec369b42" && one.eventID == "VOLUME_000002")
        #expect(one.userMessage == "No storage could be allocated for this volume request." && one.guaranteedUntil != nil)
        #expect(one.resourceUUID == "d5f6c517-c3e8-45fe-b994-b11118e4cacf" && one.requestID?.hasPrefix("req-") == true)
    }

    @Test func migrationsAtEveryMicroversion() throws {
        let files = Samples.samples("nova/os-migrations", matching: "^migrations-get")
        #expect(files.count == 17)
        for file in files {
            let migrations = try Migration.list(from: Samples.load(file))
            #expect(!migrations.isEmpty && migrations.allSatisfy { $0.sourceCompute != nil && $0.status != nil }, "\(file.path)")
            let version = file.deletingLastPathComponent().lastPathComponent
            if version == "v2.59" || version == "v2.66" || version == "v2.80" {
                #expect(migrations.allSatisfy { $0.uuid != nil && $0.migrationType != nil }, "\(file.path)")
            }
            if version == "v2.80" { #expect(migrations.allSatisfy { $0.projectID != nil && $0.userID != nil }) }
        }
        let base = try Migration.list(from: Self.file("nova/os-migrations/migrations-get.json"))
        #expect(base.first?.id == "1234" && base.first?.uuid == nil && base.first?.destCompute == "compute2")
    }
}
