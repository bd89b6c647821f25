import Foundation
import Testing

@testable import OpenStackKit

/// Every Keystone sample of roles, groups, group users, application credentials and unified
/// limits decodes, with the fields the tools show.
@Suite struct IdentityReadsSampleTests {
    typealias Samples = SampleDecodingTests

    static func file(_ name: String) throws -> JSONValue {
        try Samples.load(Samples.root.appendingPathComponent("keystone/admin/\(name).json"))
    }

    @Test func rolesDecode() throws {
        let roles = try Role.list(from: Self.file("roles-list-response"))
        #expect(roles.count == 6 && roles.map(\.name).contains("_member_"))
        #expect(roles.first { $0.name == "service" }?.description == nil)
        let developer = try Role.show(from: Self.file("role-show-response"))
        #expect(developer.domainID == "d07792fd66ac4ed881723ab9f1c9925f" && developer.description == "My new role")
    }

    @Test func groupsDecode() throws {
        let groups = try Group.list(from: Self.file("groups-list-response"))
        #expect(groups.map(\.name) == ["nonadmins", "admins"] && groups.allSatisfy { $0.domainID == "default" })
        let one = try Group.show(from: Self.file("group-show-response"))
        #expect(one.name == "Contract developers" && one.description == "Contract developers")
    }

    /// Upstream's sample lacks one comma (after the first user's `id`); the fixture adds it (MANIFEST.md).
    @Test func groupUsersDecode() throws {
        let users = try GroupMember.list(from: Self.file("group-users-list-response")).map(\.user)
        #expect(users.map(\.name) == ["Henry", "Paul"] && users.allSatisfy { $0.enabled == true })
        #expect(users[1].passwordExpiresAt == "2016-11-06T15:32:17.000000" && users[0].passwordExpiresAt == nil)
        #expect(GroupMember.path(group: "a/b") == "/groups/a%2Fb/users")
    }

    @Test func applicationCredentialsDecodeAndTheSecretIsInTheInventory() throws {
        let list = try ApplicationCredential.list(from: Self.file("application-credential-list-response"))
        #expect(list.map(\.name) == ["backups", "monitoring"])
        #expect(list[0].roles == [.init(id: "6aff702516544aeca22817fd3bc39683", name: "Writer")] && list[0].accessRules.isEmpty)
        #expect(list[1].accessRules.first?["path"]?.stringValue == "/v2.0/metrics")
        #expect(list.allSatisfy { $0.unrestricted == false && $0.expiresAt == "2018-02-27T18:30:59.000000" })
        let one = try ApplicationCredential.show(from: Self.file("application-credential-get-response"))
        #expect(one.id == "58d61ff8e6e34accb35874016d1dba8b" && one.projectID == "231c62fb0fbd485b995e8b060c3f0d98")
        #expect(ApplicationCredential.secretFields == ["secret"])
        // The answer that creates one holds the secret; a tool would show it masked.
        let created: JSONValue = ["id": "x", "name": "n", "secret": "s3cr3t-value", "nested": ["Secret": "other-value"]]
        let shown = Redactor.redact(created, fields: ApplicationCredential.secretFields).compactText()
        #expect(!shown.contains("s3cr3t-value") && !shown.contains("other-value"))
        #expect(ApplicationCredential.path(user: "u 1") == "/users/u%201/application_credentials")
    }

    @Test func unifiedLimitsDecode() throws {
        let limits = try Limit.list(from: Self.file("limits-list-response"))
        #expect(limits.map(\.resourceName) == ["volume", "snapshot"] && limits.map(\.resourceLimit) == [11, 5])
        #expect(limits[0].regionID == nil && limits[1].regionID == "RegionOne" && limits[0].domainID == nil)
        #expect(limits.allSatisfy { $0.projectID == "3a705b9f56bb439381b43c4fe59dccce" })
        let one = try Limit.show(from: Self.file("limit-show-response"))
        #expect(one.serviceID == "9408080f1970482aa0e38bc2d4ea34b7" && one.description == nil)

        let registered = try RegisteredLimit.list(from: Self.file("registered-limits-list-response"))
        #expect(registered.map(\.defaultLimit) == [10, 5] && registered[1].description == "Number of volumes")
        let shown = try RegisteredLimit.show(from: Self.file("registered-limit-show-response"))
        #expect(shown.resourceName == "volume" && shown.defaultLimit == 10)
    }

    @Test func declarationsAskKeystoneForWholeListsWithItsFilters() throws {
        let request = try Limit.declaration.listRequest(["resource_name": "cores", "project_id": "p1"])
        #expect(request.path == "/limits" && !request.supportsPaging)
        #expect(request.query.map { "\($0.name)=\($0.value ?? "")" } == ["resource_name=cores", "project_id=p1"])
        #expect(Set(Role.declaration.schemaProperties.keys) == ["name", "domain_id"])
        #expect(Set(RegisteredLimit.declaration.schemaProperties.keys) == ["service_id", "region_id", "resource_name"])
    }
}
