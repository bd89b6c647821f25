import Foundation
import Testing

@testable import OpenStackKit

/// What `get_identity` reads from a token: Keystone's token samples of every scope decode into
/// `TokenIdentity` with their domains, scope, roles, methods and application credential.
@Suite struct TokenIdentitySampleTests {
    static func identity(_ path: String) throws -> TokenIdentity {
        let data = try Data(contentsOf: SampleDecodingTests.root.appendingPathComponent("keystone/" + path))
        return TokenIdentity(try JSONDecoder().decode(TokenResponse.self, from: data).token)
    }

    @Test func eachScopeOfTheSamples() throws {
        let project = try Self.identity("auth/responses/project-scoped-password.json")
        #expect(project.scope == .project && project.projectDomain == .init(id: "default", name: "Default"))
        #expect(project.userDomain == .init(id: "default", name: "Default") && project.methods == ["password"])
        #expect(project.roleIDs == ["51cc68287d524c759f47c811e6463340"] && project.applicationCredential == nil)
        #expect(project.expiresAt == "2015-11-07T02:58:43.578887Z" && project.issuedAt == "2015-11-07T01:58:43.578929Z")

        let domain = try Self.identity("auth/responses/domain-scoped-password.json")
        #expect(domain.scope == .domain && domain.domain == .init(id: "default", name: "Default") && domain.projectDomain == nil)

        let system = try Self.identity("auth/responses/system-scoped-password.json")
        #expect(system.scope == .system && system.system == "all" && system.domain == nil)

        let unscoped = try Self.identity("auth/responses/unscoped-password.json")
        #expect(unscoped.scope == .unscoped && unscoped.system == nil)

        let credential = try Self.identity("admin/auth-application-credential-response.json")
        #expect(credential.scope == .project && credential.methods == ["application_credential"])
        #expect(credential.applicationCredential == .init(id: "423f19a4ac1e4f48bbb4180756e6eb6c", name: "monitoring"))
    }
}
