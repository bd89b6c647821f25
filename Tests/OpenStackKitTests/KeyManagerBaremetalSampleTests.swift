import Foundation
import Testing

@testable import OpenStackKit

/// The Barbican and Ironic api-ref samples decode into our models; Ironic's driver secrets are
/// masked as a node is read; the HTTP client refuses every request that could return a payload.
@Suite struct KeyManagerBaremetalSampleTests {
    typealias Samples = SampleDecodingTests

    static func decode<R: OpenStackResource>(_ type: R.Type, _ path: String) throws -> [R] {
        try Samples.decodeAny(R.self, Samples.root.appendingPathComponent(path))
    }

    @Test func barbicanSecretsContainersOrdersAndACLsDecode() throws {
        let secrets = try Self.decode(Secret.self, "barbican/secrets-list-response.json")
            + Self.decode(Secret.self, "barbican/secret-show-response.json")
        #expect(secrets.map(\.name) == ["opaque octet-stream base64", "opaque random octet-stream base64", "AES key"])
        #expect(secrets[2].bitLength == 256 && secrets[2].expiration == "2015-12-28T19:14:44.180394" && secrets[2].id == "{secret_uuid}")
        #expect(secrets[0].contentTypes["default"] == "application/octet-stream" && secrets[0].creatorID != nil)
        let containers = try Self.decode(SecretContainer.self, "barbican/containers-list-response.json")
            + Self.decode(SecretContainer.self, "barbican/container-show-response.json")
        #expect(containers.count == 2 && containers.allSatisfy { $0.secretRefs.first?.name == "private_key" && $0.type == "generic" })
        let orders = try Self.decode(SecretOrder.self, "barbican/orders-list-response.json")
            + Self.decode(SecretOrder.self, "barbican/order-show-response.json")
        #expect(orders.map(\.id) == [
            "2284ba6f-f964-4de7-b61e-c413df5d1e47", "87b7169e-3aa2-4cb1-8800-b5aadf6babd1", "5443d349-fe0c-4bfd-bd9d-99c4a9770638",
        ])
        #expect(orders.allSatisfy { $0.secretName == "secretname" && $0.secretID != nil && $0.type == "key" })
        let acl = SecretACL(json: try Samples.load(Samples.root.appendingPathComponent("barbican/secret-acl-no-acl-response.json")))
        #expect(acl.projectAccess && acl.users.isEmpty)
        #expect(SecretACL.path(secret: "a/b") == "/secrets/a%2Fb/acl")
    }

    @Test func theExpirationFilterIsBarbicansDateRange() {
        let now = Date(timeIntervalSince1970: 1_768_478_400)  // 2026-01-15T12:00:00Z
        let item = Secret.expiringWithin(days: 7, now: now)
        #expect(item.name == "expiration" && item.value == "gte:2026-01-15T12:00:00,lte:2026-01-22T12:00:00")
    }

    @Test func ironicNodesPortsAllocationsConductorsAndDriversDecode() throws {
        let nodes = try Self.decode(BaremetalNode.self, "ironic/nodes-list-response.json")
            + Self.decode(BaremetalNode.self, "ironic/nodes-list-details-response.json")
            + Self.decode(BaremetalNode.self, "ironic/node-show-response.json")
        #expect(nodes.count == 5 && nodes.allSatisfy { $0.id.count == 36 && $0.provisionState != nil })
        #expect(nodes[4].driver == "fake" && nodes[4].provisionState == "available" && !nodes[4].maintenance)
        // Ironic's own mask stays masked, and ours replaces it.
        #expect(nodes[2].raw["driver_info"]?["ipmi_password"] == "***" && nodes[2].raw["driver_info"]?["ipmi_username"] == "ADMIN")
        let ports = try Self.decode(BaremetalPort.self, "ironic/port-list-detail-response.json")
        #expect(!ports.isEmpty && ports.allSatisfy { $0.address != nil && $0.nodeID != nil })
        let groups = try Self.decode(BaremetalPortgroup.self, "ironic/portgroup-list-detail-response.json")
        #expect(!groups.isEmpty && groups.allSatisfy { $0.nodeID != nil })
        let allocations = try Self.decode(BaremetalAllocation.self, "ironic/allocations-list-response.json")
            + Self.decode(BaremetalAllocation.self, "ironic/allocation-show-response.json")
        #expect(allocations.last?.name == "allocation-1" && allocations.last?.state == "active")
        let conductors = try Self.decode(BaremetalConductor.self, "ironic/conductor-list-details-response.json")
            + Self.decode(BaremetalConductor.self, "ironic/conductor-show-response.json")
        #expect(conductors.last?.id == "compute2.localdomain" && conductors.last?.alive == true)
        let drivers = try Self.decode(BaremetalDriver.self, "ironic/drivers-list-response.json")
            + Self.decode(BaremetalDriver.self, "ironic/drivers-list-detail-response.json")
            + Self.decode(BaremetalDriver.self, "ironic/driver-get-response.json")
        #expect(drivers.last?.id == "ipmi" && drivers.allSatisfy { !$0.hosts.isEmpty })
        let root = try Samples.load(Samples.root.appendingPathComponent("ironic/api-root-response.json"))
        #expect(DiscoveredVersion.parseAll(root).first?.maxVersion == Microversion(1, 37))
    }

    @Test func everySecretNamedFieldOfTheDriverFieldsIsMasked() throws {
        let node: JSONValue = [
            "uuid": "1be26c0b-03f2-4d2e-ae87-c02d7f33c123", "name": "n",
            "driver_info": [
                "ipmi_password": "p1", "redfish_password": "p2", "ipmi_hex_kg_key": "k", "snmp_auth_key": "a",
                "ipmi_username": "admin", "nested": ["client_secret": "s", "auth_token": "t"], "empty_password": nil,
            ],
            "driver_internal_info": ["agent_secret_token": "t2"], "instance_info": ["configdrive": "cd", "image_source": "img"],
            "extra": ["note": "kept"],
        ]
        let read = try BaremetalNode(json: node).raw
        let info = read["driver_info"]
        for key in ["ipmi_password", "redfish_password", "ipmi_hex_kg_key", "snmp_auth_key"] { #expect(info?[key] == "***", "\(key)") }
        #expect(info?["nested"]?["client_secret"] == "***" && info?["nested"]?["auth_token"] == "***")
        #expect(info?["ipmi_username"] == "admin" && info?["empty_password"] == .null)
        #expect(read["driver_internal_info"]?["agent_secret_token"] == "***" && read["instance_info"]?["configdrive"] == "***")
        #expect(read["instance_info"]?["image_source"] == "img" && read["extra"]?["note"] == "kept")
    }

    @Test(arguments: [
        ("http://b:9311/v1/secrets/x/payload", [(String, String)]()),
        ("http://b:9311/v1/secrets/x/PAYLOAD", []),
        ("http://b:9311/v1/secrets/x/%70ayload", []),
        ("http://s:8080/v1/AUTH_p/c/payload", []),
        ("http://b:9311/v1/secrets/x", [("Accept", "application/octet-stream")]),
        ("http://b:9311/v1/secrets/x", [("Accept", "text/plain")]),
        ("http://b:9311/v1/secrets/x", [("accept", "*/*")]),
        ("http://b:9311/v1/secrets/x", [("Accept", "application/json, text/plain;q=0.5")]),
    ])
    func payloadRequestsAreRefused(url: String, headers: [(String, String)]) {
        for method in OutgoingRequest.Method.allCases {
            #expect(throws: OpenStackError.self, "\(method) \(url)") {
                try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(method: method, url: url, headers: headers), service: "Barbican")
            }
        }
    }

    @Test func metadataReadsPass() throws {
        try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(url: "http://b:9311/v1/secrets/x"), service: "Barbican")
        try OpenStackHTTPClient.checkReadOnly(
            OutgoingRequest(url: "http://b:9311/v1/secrets/x/acl", headers: [("Accept", "application/json")]), service: "Barbican")
        try OpenStackHTTPClient.checkReadOnly(
            OutgoingRequest(url: "http://i:6385/v1/nodes/payloads", headers: [("Accept", "application/vnd.x+json")]), service: "Ironic")
    }
}
