import Foundation
import Testing

@testable import OpenStackKit

/// The Placement samples of the resources we read decode, and a node's usage is derived from them.
@Suite struct PlacementSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent(path)) }

    @Test func resourceProvidersDecode() throws {
        let list = try ResourceProvider.list(from: Self.file("placement/resource_providers/get-resource_providers.json"))
        #expect(list.map(\.name) == ["vgr.localdomain", "pony1"])
        #expect(list[1].parentProviderUUID == nil && list[1].rootProviderUUID == list[1].uuid)
        let one = try ResourceProvider.show(from: Self.file("placement/resource_providers/get-resource_provider.json"))
        #expect(one.name == "Ceph Storage Pool" && one.generation == 0)
    }

    @Test func inventoriesAndUsagesDecodeAndGiveCapacity() throws {
        let inventory = try ResourceProviderInventory(json: Self.file("placement/inventories/get-inventories.json"))
        #expect(inventory.generation == 7)
        #expect(inventory.classes["VCPU"]?.capacity == 64)
        #expect(inventory.classes["MEMORY_MB"]?.capacity == Int(Double(5825 - 512) * 1.5))
        let usages = try ResourceProviderUsages(json: Self.file("placement/resource_provider_usages/get-resource_provider_usages.json"))
        #expect(usages.usages == ["DISK_GB": 1, "MEMORY_MB": 512, "VCPU": 1])
        let usage = Hypervisor.Usage(inventory: inventory, usages: usages, runningVMs: 1)
        #expect(usage.source == "placement" && usage.vcpus == 4 && usage.vcpusUsed == 1 && usage.memoryMBUsed == 512)
        #expect(usage.allocationRatios["VCPU"] == 16.0 && usage.reserved["MEMORY_MB"] == 512)
        #expect(throws: ModelError.self) { try ResourceProviderUsages(json: ["resource_provider_generation": 1]) }
    }

    @Test func theRootDocumentGivesPlacementsMicroversion() throws {
        let versions = DiscoveredVersion.parseAll(try Self.file("placement/root/get-root.json"))
        #expect(versions.first?.maxVersion == Microversion(1, 28))
    }
}
