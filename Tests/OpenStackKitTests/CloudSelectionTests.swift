import Foundation
import Testing

@testable import OpenStackKit

/// Which clouds are chosen and how flags, OS_* variables and clouds.yaml combine, on the fixture
/// clouds.yaml and secure.yaml.
@Suite struct CloudSelectionTests {
    /// Selects with the fixture files in ./ (clouds.yaml) and ~/.config/openstack (secure.yaml).
    func select(
        flags: CloudSettings = CloudSettings(), flagsGiven: Bool = false, requested: [String] = [],
        environment: [String: String] = [:], secure: Bool = true
    ) throws -> [SelectedCloud] {
        let layout = try CloudsFilesTests.Layout()
        defer { layout.remove() }
        try layout.place("clouds.yaml", at: layout.cwd, as: "clouds.yaml")
        if secure { try layout.place("secure.yaml", at: layout.userConfig, as: "secure.yaml") }
        let files = try layout.load(environment)
        return try CloudSelection(
            flags: flags, flagsGiven: flagsGiven, requested: requested, environment: environment, loadFiles: { files }
        ).select()
    }

    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch let error as OpenStackError {
            return error.message + " | " + error.nextStep
        } catch { return "\(error)" }
    }

    @Test func osCloudPicksACloudAndTheFlagBeatsTheVariable() throws {
        #expect(try select(environment: ["OS_CLOUD": "prod"]).map(\.name) == ["prod"])
        #expect(try select(requested: ["staging"], environment: ["OS_CLOUD": "prod"]).map(\.name) == ["staging"])
    }

    @Test func flagsBeatEnvironmentWhichBeatsCloudsYAML() throws {
        var flags = CloudSettings()
        flags.username = "flag-user"
        let cloud = try #require(
            try select(flags: flags, flagsGiven: true, environment: [
                "OS_CLOUD": "prod", "OS_USERNAME": "env-user", "OS_PASSWORD": "env-password", "OS_INTERFACE": "internal",
            ]).first)
        #expect(cloud.settings.username == "flag-user")
        #expect(cloud.settings.password == "env-password", "OS_* still override a cloud picked by OS_CLOUD")
        #expect(cloud.settings.interface == "internal")
        #expect(cloud.settings.projectName == "admin")
        #expect(cloud.sources["username"] == "command line")
        #expect(cloud.sources["password"] == "OS_PASSWORD")
        #expect(cloud.sources["project_name"] == "clouds.yaml")
        #expect(cloud.sources["auth_type"] == "inferred")

        let plain = try #require(try select(environment: ["OS_CLOUD": "prod"]).first)
        #expect(plain.settings.password == "from-secure-yaml")
        #expect(plain.sources["password"] == "secure.yaml")
        let password = CloudSettings.fields.first { $0.key == "password" }!
        #expect(plain.settings.display(password) == "**** (set, not shown)")
    }

    @Test func settingsThatNameOneThingAreReplacedTogether() throws {
        let byID = try #require(try select(environment: ["OS_CLOUD": "prod", "OS_PROJECT_ID": "abc123"]).first)
        #expect(byID.settings.projectID == "abc123")
        #expect(byID.settings.projectName == nil, "clouds.yaml's project_name must not pair with OS_PROJECT_ID")

        let domain = try #require(try select(environment: ["OS_CLOUD": "prod", "OS_DOMAIN_NAME": "Default"]).first)
        let configuration = try domain.settings.resolve(name: "prod")
        #expect(configuration.auth.scope == .domain(id: nil, name: "Default"), "a domain scope replaces the project scope")

        let system = try #require(try select(environment: ["OS_CLOUD": "prod", "OS_SYSTEM_SCOPE": "all"]).first)
        #expect(try system.settings.resolve(name: "prod").auth.scope == .system)
    }

    @Test func theAuthTypeFollowsTheExplicitTypeElseTheHighestCredential() throws {
        let token = try #require(try select(environment: ["OS_CLOUD": "prod", "OS_TOKEN": "gAAAA-token"]).first)
        #expect(token.settings.authType == "token", "OS_TOKEN over a clouds.yaml password (no auth_type) means token auth")
        #expect(try token.settings.resolve(name: "prod").auth.method == .token("gAAAA-token"))

        let staging = try #require(
            try select(environment: ["OS_CLOUD": "staging", "OS_USERNAME": "u", "OS_PASSWORD": "leftover"]).first)
        #expect(staging.settings.authType == "v3applicationcredential", "clouds.yaml's explicit auth_type stays")
        let resolved = try staging.settings.resolve(name: "staging")
        #expect(resolved.auth.method == .applicationCredential(id: "0123", name: nil, secret: "from-secure-yaml", user: nil))
        #expect(resolved.auth.authURL.absoluteString == "http://keystone.staging.example.com:5000/v3")

        let switched = try #require(
            try select(environment: ["OS_CLOUD": "staging", "OS_AUTH_TYPE": "token", "OS_TOKEN": "t0ken"]).first)
        #expect(try switched.settings.resolve(name: "staging").auth.method == .token("t0ken"))
    }

    @Test func regionsMustBeTheCloudsOwn() throws {
        let second = try #require(try select(environment: ["OS_CLOUD": "staging", "OS_REGION_NAME": "RegionTwo"]).first)
        #expect(second.settings.region == "RegionTwo")
        #expect(second.settings.interface == "internal")
        #expect(try second.settings.resolve(name: "staging").regions == ["RegionOne", "RegionTwo"])
        let wrong = message { try select(environment: ["OS_CLOUD": "staging", "OS_REGION_NAME": "RegionNine"]) }
        #expect(wrong.contains("region 'RegionNine' is not a region of cloud 'staging'; its regions are RegionOne, RegionTwo"))
    }

    @Test func withoutASelectionTheEnvironmentOrTheOnlyCloudIsUsed() throws {
        let env = try select(environment: ["OS_AUTH_URL": "http://ks/v3", "OS_USERNAME": "u", "OS_PASSWORD": "p"])
        #expect(env.map(\.name) == ["envvars"], "OS_* variables make openstacksdk's envvars cloud")
        #expect(env[0].settings.projectName == nil, "clouds.yaml is not mixed into the envvars cloud")
        let renamed = try select(environment: ["OS_AUTH_URL": "http://ks/v3", "OS_CLOUD_NAME": "mine"])
        #expect(renamed.map(\.name) == ["mine"])

        let several = message { try select(environment: ["OS_REGION_NAME": "RegionOne"]) }
        #expect(several.contains("has 4 clouds (prod, staging, legacy, only-in-secure) and none is chosen"))
        #expect(several.contains("--os-cloud all"))

        let layout = try CloudsFilesTests.Layout()
        defer { layout.remove() }
        try layout.write("clouds:\n  solo:\n    auth: {auth_url: http://solo/v3, username: u, password: p}\n", at: layout.cwd, as: "clouds.yaml")
        let files = try layout.load()
        let only = try CloudSelection(
            flags: CloudSettings(), flagsGiven: false, requested: [], environment: ["OS_REGION_NAME": "R9"], loadFiles: { files }
        ).select()
        #expect(only.map(\.name) == ["solo"], "a clouds.yaml with one cloud needs no OS_CLOUD")
        #expect(only[0].settings.region == "R9")
    }

    @Test func severalCloudsComeFromCloudsYAMLAlone() throws {
        let environment = ["OS_AUTH_URL": "http://env/v3", "OS_USERNAME": "env", "OS_PASSWORD": "env-pw"]
        let all = try select(requested: ["all"], environment: environment)
        #expect(all.map(\.name) == ["prod", "staging", "legacy", "only-in-secure", "envvars"])
        let prod = all[0]
        #expect(prod.settings.username == "operator", "OS_USERNAME is not applied to every cloud")
        #expect(prod.settings.password == "from-secure-yaml")
        #expect(prod.notes.contains { $0.contains("OS_* variables are not applied") })
        #expect(all[4].settings.username == "env")

        #expect(try select(requested: ["staging", "prod", "staging"]).map(\.name) == ["staging", "prod"])
        let refused = message { try select(flagsGiven: true, requested: ["prod", "staging"]) }
        #expect(refused.contains("apply to one cloud, but 2 clouds are chosen"))
        let unknown = message { try select(requested: ["prod", "nope"]) }
        #expect(unknown.contains("cloud 'nope' is not in"))
        #expect(unknown.contains("prod, staging, legacy, only-in-secure"))
    }

    @Test func resolvingChecksVersionFilesAndKeys() throws {
        var settings = CloudSettings()
        settings.authURL = "http://ks/v3"
        settings.token = "t0ken"
        settings.identityAPIVersion = "2"
        #expect(message { try settings.resolve(name: "x") }.contains("identity API version '2' is not supported"))
        settings.identityAPIVersion = "3"
        settings.cacert = "/nonexistent/ca.pem"
        #expect(message { try settings.resolve(name: "x") }.contains("the CA bundle /nonexistent/ca.pem does not exist"))
        settings.cacert = nil
        settings.clientKey = "/nonexistent/key.pem"
        #expect(message { try settings.resolve(name: "x") }.contains("a client key is set but no client certificate"))
    }
}
