import AsyncHTTPClient
import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// Each auth type and scope, end to end: the server authenticates to the demo Keystone with it
/// and answers tools over MCP.
@Suite(.serialized) struct AuthTypesTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var typeName: String
        var hasProject: Bool
        var settings: @Sendable (URL) async throws -> CloudSettings
    }

    static func base(_ authURL: URL) -> CloudSettings {
        var settings = CloudSettings()
        settings.authURL = authURL.absoluteString
        return settings
    }

    static func password(_ authURL: URL) -> CloudSettings {
        var settings = base(authURL)
        settings.username = DemoCloud.adminUser
        settings.password = DemoCloud.adminPassword
        settings.userDomainName = DemoCloud.domainName
        return settings
    }

    static let cases: [Case] = [
        Case(description: "password, project scope", typeName: "password", hasProject: true) { url in
            var settings = password(url)
            settings.projectName = DemoCloud.adminProject
            return settings
        },
        Case(description: "password, domain scope", typeName: "password", hasProject: false) { url in
            var settings = password(url)
            settings.domainName = DemoCloud.domainName
            return settings
        },
        Case(description: "password, system scope", typeName: "password", hasProject: false) { url in
            var settings = password(url)
            settings.systemScope = "all"
            return settings
        },
        Case(description: "application credential by ID", typeName: "v3applicationcredential", hasProject: true) { url in
            var settings = base(url)
            settings.authType = "v3applicationcredential"
            settings.applicationCredentialID = DemoCloud.applicationCredentialID
            settings.applicationCredentialSecret = DemoCloud.applicationCredentialSecret
            return settings
        },
        Case(description: "application credential by name and user", typeName: "v3applicationcredential", hasProject: true) { url in
            var settings = base(url)
            settings.applicationCredentialName = "demo-admin-readonly"
            settings.applicationCredentialSecret = DemoCloud.applicationCredentialSecret
            settings.username = DemoCloud.adminUser
            settings.userDomainName = DemoCloud.domainName
            return settings
        },
        Case(description: "token (v3token)", typeName: "token", hasProject: true) { url in
            // An existing token, as `openstack token issue` prints it, is the only secret.
            var first = password(url)
            first.projectName = DemoCloud.adminProject
            let bootstrap = try OpenStackCloud(configuration: first.resolve(name: "bootstrap"))
            let token = try await bootstrap.token().id
            await bootstrap.shutdown()
            var settings = base(url)
            settings.authType = "v3token"
            settings.token = token
            settings.projectName = DemoCloud.adminProject
            settings.projectDomainName = DemoCloud.domainName
            return settings
        },
    ]

    @Test(arguments: cases) func eachAuthTypeServesToolsThroughMCP(_ authCase: Case) async throws {
        try await MultiCloudHarness.run([.init(name: "demo", settings: authCase.settings)]) { harness in
            let client = harness.client()
            let instances = try await client.call("get_instances", ["all_projects": true, "limit": 5])
            #expect(!instances.isError, "\(authCase): \(instances.text)")
            #expect(instances.items.count == 5)
            let networks = try await client.call("get_networks", ["limit": 3])
            #expect(!networks.isError, "\(authCase): \(networks.text)")

            let clouds = try await client.call("get_clouds")
            let row = try #require(clouds.items.first)
            #expect(row["auth_type"]?.stringValue == authCase.typeName)
            #expect(row["status"]?.stringValue == "ok", "\(clouds.text)")
            for secret in [DemoCloud.adminPassword, DemoCloud.applicationCredentialSecret] {
                #expect(!clouds.text.contains(secret))
            }

            let token = try await harness.clouds[0].token()
            #expect((token.projectName != nil) == authCase.hasProject, "\(authCase): project \(token.projectName ?? "-")")
            try await Self.checkIdentity(client: client, authCase: authCase, token: token)
            #expect(token.isAdmin)
            #expect(harness.demos[0].count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") >= 1)
        }
    }

    @Test func aWrongSecretIsRejectedForEveryType() async throws {
        try await withDemoCloud { demo, _ in
            let url = await demo.authURL
            var wrongPassword = Self.password(url)
            wrongPassword.password = "wrong"
            var wrongCredential = Self.base(url)
            wrongCredential.applicationCredentialID = DemoCloud.applicationCredentialID
            wrongCredential.applicationCredentialSecret = "wrong"
            var wrongToken = Self.base(url)
            wrongToken.token = "gAAAAAnot-a-token"
            for settings in [wrongPassword, wrongCredential, wrongToken] {
                let cloud = try OpenStackCloud(configuration: settings.resolve(name: "x"))
                do {
                    _ = try await cloud.token()
                    Issue.record("\(settings.methodName) was accepted")
                } catch let error as OpenStackError {
                    #expect(error.kind == .authentication && error.status == 401)
                }
                await cloud.shutdown()
            }
        }
    }
}

extension CloudSettings {
    fileprivate var methodName: String { authType ?? (token != nil ? "token" : "password") }
}

extension AuthTypesTests {
    /// `get_identity` says who the server is under each auth type: the user, the scope of the
    /// case, the admin role, the application credential it came from, never the token.
    static func checkIdentity(client: MCPTestClient, authCase: Case, token: AuthToken) async throws {
        let answer = try await client.call("get_identity")
        #expect(!answer.isError, "\(authCase): \(answer.text)")
        let item = answer.structured["item"] ?? .null
        #expect(!answer.text.contains(token.id), "the token itself is never shown")
        #expect(item["user"]?["name"]?.stringValue == DemoCloud.adminUser && item["user"]?["domain"]?["name"]?.stringValue == DemoCloud.domainName, "\(answer.text)")
        #expect(item["is_admin"] == true && item["roles"]?.arrayValue?.contains("admin") == true)
        let scope = authCase.hasProject ? "project" : authCase.description.contains("domain") ? "domain" : "system"
        #expect(item["scope"]?.stringValue == scope, "\(authCase): \(answer.text)")
        switch scope {
        case "project": #expect(item["project"]?["name"]?.stringValue == DemoCloud.adminProject && item["project"]?["domain"] != nil)
        case "domain": #expect(item["domain"]?["name"]?.stringValue == DemoCloud.domainName)
        default: #expect(item["system"] == "all")
        }
        if authCase.typeName == "v3applicationcredential" {
            #expect(item["application_credential"]?["id"]?.stringValue == DemoCloud.applicationCredentialID, "\(answer.text)")
            #expect(item["auth_methods"] == ["application_credential"])
        } else {
            #expect(item["application_credential"] == nil)
        }
        #expect(item["expires_at"]?.stringValue.flatMap { ISO8601DateFormatter().date(from: $0.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)) } != nil, "\(answer.text)")
        let services = item["services"]?.arrayValue ?? []
        #expect(services.contains { $0["type"] == "compute" && $0["interfaces"]?.arrayValue?.contains("public") == true && $0["in_region"] == true }, "\(answer.text)")
    }
}
