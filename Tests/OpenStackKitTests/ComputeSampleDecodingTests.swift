import Foundation
import Testing

@testable import OpenStackKit

/// Every official Nova sample of the compute resources beyond servers decodes into our models,
/// at every microversion shipped.
@Suite struct ComputeSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent(path)) }

    @Test func flavorsDecodeWithAndWithoutTheFieldsDroppedIn2_102() throws {
        let files = Samples.samples("nova/flavors", matching: ".")
        #expect(files.count == 6)
        for file in files { #expect(try !Samples.decodeAny(Flavor.self, file).isEmpty, "\(file.lastPathComponent)") }
        let old = try Flavor.list(from: Self.file("nova/flavors/flavors-detail-resp.json"))
        #expect(old.allSatisfy { $0.rxtxFactor != nil && $0.disabled == false })
        #expect(old.contains { $0.swap == 0 } && old.allSatisfy { $0.vcpus != nil })
        let new = try Flavor.list(from: Self.file("nova/flavors/v2.102/flavors-detail-resp.json"))
        #expect(new.allSatisfy { $0.rxtxFactor == nil && $0.disabled == nil })
        #expect(new.contains { !$0.extraSpecs.isEmpty })
    }

    @Test func consoleOutputDecodesAndItsRequestIsTheOneTheRuleAllows() throws {
        let console = try ConsoleOutput(json: Self.file("nova/os-console-output/console-output-post-resp.json"))
        #expect(console.lines == ["FAKE CONSOLE OUTPUT", "ANOTHER", "LAST LINE"])
        let request = try Self.file("nova/os-console-output/console-output-post-req.json")
        #expect(try JSONValue.parse(ConsoleOutput.body(lines: 50)) == request)
        try OpenStackHTTPClient.checkReadOnly(
            OutgoingRequest(method: .POST, url: "http://nova/v2.1/servers/a/action", body: try JSONValue.parse(ConsoleOutput.body(lines: 50)).compactText().data(using: .utf8)),
            service: "Nova")
    }

    @Test func flavorAccessDecodes() throws {
        let access = try FlavorAccess.list(from: Self.file("nova/flavor-access/flavor-access-list-resp.json"))
        #expect(access.map(\.flavorID) == ["10"] && access.map(\.projectID) == ["fake_tenant"])
    }

    @Test func hypervisorsDecodeWithIntegerOrUUIDIDsAndUsageOnlyBefore2_88() throws {
        let files = Samples.samples("nova/os-hypervisors", matching: "^hypervisors-(list|detail|show|search|with-servers|uptime)")
        #expect(files.count == 16)
        for file in files { #expect(try !Samples.decodeAny(Hypervisor.self, file).isEmpty, "\(file.lastPathComponent)") }
        let old = try Hypervisor.list(from: Self.file("nova/os-hypervisors/hypervisors-detail-resp.json"))[0]
        #expect(old.id == "1" && !old.idIsUUID)
        #expect(old.usage == Hypervisor.Usage(
            source: "nova", vcpus: 2, vcpusUsed: 0, memoryMB: 8192, memoryMBUsed: 512, localGB: 1028, localGBUsed: 0, runningVMs: 0))
        let new = try Hypervisor.show(from: Self.file("nova/os-hypervisors/v2.88/hypervisors-show-with-servers-resp.json"))
        #expect(new.idIsUUID && new.usage == nil)
        #expect(new.servers?.map(\.name) == ["test_server1", "test_server2"])
        #expect(new.serviceHost == "compute" && new.hypervisorType == "fake")
        for file in Samples.samples("nova/os-hypervisors", matching: "^hypervisors-statistics") {
            #expect(try HypervisorStatistics.show(from: Samples.load(file)).count == 1)
        }
    }

    @Test func availabilityZonesDecodePlainAndDetailed() throws {
        let plain = try AvailabilityZone.list(from: Self.file("nova/os-availability-zone/availability-zone-list-resp.json"))
        #expect(plain.map(\.name) == ["nova"] && plain[0].services.isEmpty && plain[0].available == true)
        let detail = try AvailabilityZone.list(from: Self.file("nova/os-availability-zone/availability-zone-detail-resp.json"))
        #expect(detail.map(\.name) == ["internal", "nova"])
        #expect(detail[0].hosts == ["conductor", "scheduler"])
        #expect(detail[1].services == [.init(host: "compute", binary: "nova-compute", active: true, available: true, updatedAt: nil)])
    }

    @Test func keypairsDecodeWrappedOrNot() throws {
        let files = Samples.samples("nova/os-keypairs", matching: ".")
        #expect(files.count == 5)
        for file in files {
            let json = try Samples.load(file)
            let keypairs = json["keypairs"] != nil
                ? try Keypair.unwrappedEntries(json).map(Keypair.init(json:)) : [try Keypair.show(from: json)]
            #expect(!keypairs.isEmpty && keypairs.allSatisfy { $0.fingerprint != nil && $0.publicKey != nil })
            // Wrapped entries decode too.
            if json["keypairs"] != nil { #expect(try Keypair.list(from: json).map(\.name) == keypairs.map(\.name)) }
        }
        let show = try Keypair.show(from: Self.file("nova/os-keypairs/v2.10/keypairs-get-resp.json"))
        #expect(show.type == "ssh" && show.userID == "fake")
    }

    @Test func serverGroupsDecodePoliciesOrPolicy() throws {
        let files = Samples.samples("nova/os-server-groups", matching: ".")
        #expect(files.count == 4)
        for file in files {
            for group in try Samples.decodeAny(ServerGroup.self, file) { #expect(group.policy == "anti-affinity") }
        }
        let new = try ServerGroup.show(from: Self.file("nova/os-server-groups/v2.64/server-groups-get-resp.json"))
        #expect(new.rules["max_server_per_host"] == 3 && new.projectID != nil)
    }

    @Test func aggregatesDecodeWithAndWithoutUUID() throws {
        let files = Samples.samples("nova/os-aggregates", matching: ".")
        #expect(files.count == 4)
        for file in files {
            for aggregate in try Samples.decodeAny(Aggregate.self, file) {
                #expect(aggregate.id == "1" && aggregate.availabilityZone == "london")
                #expect((aggregate.uuid != nil) == file.path.contains("v2.81"))
            }
        }
    }

    @Test func limitsDecodeIntoOneRowPerResource() throws {
        for file in Samples.samples("nova/limits", matching: ".") {
            let document = try Samples.load(file)
            _ = try ComputeLimits.show(from: document)
            let rows = try ComputeLimits.rows(document).map(ComputeLimits.Row.init(json:))
            let cores = try #require(rows.first { $0.resource == "cores" })
            #expect(cores.limit == 20 && cores.used == 0 && cores.limitKey == "maxTotalCores")
            // Every max* key became a row.
            let maxKeys = document["limits"]?["absolute"]?.objectValue?.keys.filter { $0.hasPrefix("max") } ?? []
            #expect(rows.count == maxKeys.count)
        }
    }

    @Test func quotaSetsDecodePlainAndDetailed() throws {
        let files = Samples.samples("nova/os-quota-sets", matching: ".")
        #expect(files.count == 8)
        for file in files {
            let set = try ComputeQuotaSet.show(from: Samples.load(file))
            #expect(set.projectID == "fake_tenant")
            let cores = try #require(set.rows.first { $0.resource == "cores" })
            #expect(cores.limit == 20)
            #expect((cores.inUse != nil) == file.lastPathComponent.contains("detail"))
            #expect(!set.rows.contains { $0.resource == "id" })
        }
    }

    @Test func tenantUsagesDecodeAndMergeAcrossPages() throws {
        let files = Samples.samples("nova/os-simple-tenant-usage", matching: ".")
        #expect(files.count == 7)
        for file in files {
            let entries = TenantUsage.entries(try Samples.load(file))
            #expect(!entries.isEmpty)
            for usage in try entries.map(TenantUsage.init(json:)) { #expect(usage.totalHours != nil) }
        }
        // One project split over two pages becomes one entry with summed totals.
        let all = TenantUsage.entries(try Self.file("nova/os-simple-tenant-usage/v2.40/simple-tenant-usage-get-all.json"))
        let second = all[1]
        let merged = try TenantUsage.merged(all + [second]).map(TenantUsage.init(json:))
        #expect(merged.count == 2)
        #expect(merged[1].totalHours == 4.0 && merged[1].serverUsages?.count == 4)
        #expect(TenantUsage.entries(["tenant_usage": [:]]).isEmpty)
    }

    @Test func instanceActionsDecodeWithAndWithoutEvents() throws {
        let files = Samples.samples("nova/os-instance-actions", matching: ".")
        #expect(files.count == 9)
        for file in files { #expect(try !Samples.decodeAny(InstanceAction.self, file).isEmpty, "\(file.lastPathComponent)") }
        let admin = try InstanceAction.show(from: Self.file("nova/os-instance-actions/v2.84/instance-action-get-resp.json"))
        #expect(admin.events?.first?.host == "compute" && admin.events?.first?.result == "Success")
        let user = try InstanceAction.show(from: Self.file("nova/os-instance-actions/v2.84/instance-action-get-non-admin-resp.json"))
        #expect(user.events?.first?.host == nil && user.events?.count == 1)
        let list = try InstanceAction.list(from: Self.file("nova/os-instance-actions/instance-actions-list-resp.json"))
        #expect(list.map(\.action) == ["stop", "create"] && list.allSatisfy { $0.events == nil })
    }

    @Test func interfaceAttachmentsDecode() throws {
        let files = Samples.samples("nova/os-attach-interfaces", matching: ".")
        #expect(files.count == 4)
        for file in files {
            for port in try Samples.decodeAny(InterfaceAttachment.self, file) {
                #expect(port.fixedIPs.first?.ipAddress == "192.168.1.3" && port.portState == "ACTIVE")
                #expect((port.tag != nil) == file.path.contains("v2.70"))
            }
        }
    }
}
