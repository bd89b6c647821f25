import Foundation
import Testing

@testable import OpenStackKit

/// Every Designate api-ref sample decodes into our models, and the project scope goes out as the
/// headers Designate reads (not as query words).
@Suite struct DNSSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func decode<R: OpenStackResource>(_ type: R.Type, _ names: String...) throws -> [R] {
        try names.flatMap { try Samples.decodeAny(R.self, Samples.root.appendingPathComponent("designate/\($0).json")) }
    }

    @Test func zonesAndRecordsetsDecode() throws {
        let zones = try Self.decode(Zone.self, "list-zones-response", "zone-response")
        #expect(zones.count == 2 && zones.allSatisfy { $0.name == "example.org." && $0.serial == 1404757531 && $0.type == "PRIMARY" })
        #expect(zones[0].poolID == "572ba08c-d929-4c70-8e42-03824bb24ca2" && zones[0].error == nil)

        let recordsets = try Self.decode(Recordset.self, "list-all-recordset-response", "list-recordset-in-zone-response", "show-recordset-response")
        #expect(recordsets.count >= 3 && recordsets.allSatisfy { $0.type != nil && $0.status != nil })
        #expect(recordsets[0].records == ["10.1.0.2"] && recordsets[0].zoneName == "example.com.")
    }

    @Test func pointersTransfersAndPoolsDecode() throws {
        let pointers = try Self.decode(ReverseFloatingIP.self, "list-ptr-record-response", "ptr-record-response")
        #expect(pointers.map(\.address) == ["172.24.4.10", "172.24.4.6", "172.24.4.10"])
        #expect(pointers[0].region == "RegionOne" && pointers[0].floatingIPID == "c5742ac0-d0f3-4304-a039-9423f727eb96")

        let transfers = try Self.decode(ZoneTransferRequest.self, "list-zone-transfer-request-response", "show-zone-transfer-request-response")
        #expect(transfers.count == 3 && transfers[0].targetProjectID == "123456" && transfers[1].targetProjectID == nil)
        #expect(ZoneTransferRequest.secretFields == ["key"])

        let pools = try Self.decode(DNSPool.self, "list-pools-response", "show-pool-response")
        #expect(pools.count == 3 && pools[0].nameservers == ["ns1.example.org."] && pools[0].attributes == Optional<JSONValue>.none)
    }

    @Test func theProjectScopeIsAHeader() throws {
        let declaration = Zone.declaration
        let all = try declaration.listRequest(["all_projects": true])
        #expect(all.query.isEmpty && all.headers.map(\.0) == ["X-Auth-All-Projects"] && all.headers.map(\.1) == ["true"])
        let one = try declaration.listRequest(["project_id": "p1", "status": "error"])
        #expect(one.headers.map(\.0) == ["X-Auth-Sudo-Project-ID"] && one.headers.map(\.1) == ["p1"])
        #expect(one.query.map(\.description) == [URLQueryItem(name: "status", value: "ERROR").description])
        #expect(try declaration.listRequest([:]).headers.isEmpty)
        #expect(declaration.filterNames.isSuperset(of: ["all_projects", "project_id"]))
        // Pools have no project scope.
        #expect(!DNSPool.declaration.filterNames.contains("all_projects"))
    }
}
