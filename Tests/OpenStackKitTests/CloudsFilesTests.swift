import Foundation
import Testing

@testable import OpenStackKit

/// clouds.yaml and secure.yaml: where they are looked for, which one wins, how they merge, and
/// how an entry reads. Uses the files in Tests/Fixtures/clouds, copied into scratch folders.
@Suite struct CloudsFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/clouds").standardized

    /// A scratch layout: cwd, home and site folders, with fixture files placed as asked.
    struct Layout {
        let root: URL
        var cwd: String { root.appendingPathComponent("cwd").path }
        var home: String { root.appendingPathComponent("home").path }
        var site: String { root.appendingPathComponent("site").path }
        var userConfig: String { home + "/.config/openstack" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("clouds-\(UUID().uuidString)")
            for folder in [root.appendingPathComponent("cwd").path, root.appendingPathComponent("home/.config/openstack").path,
                           root.appendingPathComponent("site").path] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }

        func place(_ fixture: String, at folder: String, as name: String) throws {
            try FileManager.default.copyItem(
                atPath: CloudsFilesTests.fixtures.appendingPathComponent(fixture).path, toPath: folder + "/" + name)
        }

        func write(_ text: String, at folder: String, as name: String) throws {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }

        func load(_ environment: [String: String] = [:]) throws -> CloudsFiles {
            try CloudsFiles.load(environment: environment, currentDirectory: cwd, homeDirectory: home, siteDirectory: site)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func searchOrderIsOverrideThenCwdThenUserThenSite() {
        let paths = CloudsFiles.searchPaths(
            kind: "clouds", environment: ["XDG_CONFIG_HOME": "/x"], currentDirectory: "/c", homeDirectory: "/h",
            siteDirectory: "/etc/openstack")
        #expect(paths.prefix(4) == ["/c/clouds.yaml", "/c/clouds.yml", "/c/clouds.json", "/x/openstack/clouds.yaml"])
        #expect(paths.contains("/h/.config/openstack/clouds.yaml"))
        #expect(paths.last == "/etc/openstack/clouds.json")
        #expect(paths.firstIndex(of: "/h/.config/openstack/clouds.yaml")! < paths.firstIndex(of: "/etc/openstack/clouds.yaml")!)
    }

    @Test func theFirstFileFoundWinsAndFilesAreNotCombined() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.write("clouds:\n  site-cloud:\n    auth: {auth_url: http://site/v3}\n", at: layout.site, as: "clouds.yaml")
        try layout.write("clouds:\n  home-cloud:\n    auth: {auth_url: http://home/v3}\n", at: layout.userConfig, as: "clouds.yml")
        var files = try layout.load()
        #expect(files.names == ["home-cloud"], "~/.config/openstack beats /etc/openstack; the site file is not merged in")
        #expect(files.cloudsPath == layout.userConfig + "/clouds.yml")

        try layout.place("clouds.yaml", at: layout.cwd, as: "clouds.yaml")
        files = try layout.load()
        #expect(files.names.prefix(3) == ["prod", "staging", "legacy"], "./clouds.yaml beats the user's, in file order")

        let override = layout.root.appendingPathComponent("elsewhere.yaml").path
        try "clouds:\n  named: {auth: {auth_url: http://n/v3}}\n".write(toFile: override, atomically: true, encoding: .utf8)
        files = try layout.load(["OS_CLIENT_CONFIG_FILE": override])
        #expect(files.names == ["named"], "OS_CLIENT_CONFIG_FILE comes first")
    }

    @Test func secureYAMLIsDeepMergedOverCloudsYAML() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.place("clouds.yaml", at: layout.cwd, as: "clouds.yaml")
        try layout.place("secure.yaml", at: layout.userConfig, as: "secure.yaml")
        let files = try layout.load()
        #expect(files.securePath == layout.userConfig + "/secure.yaml", "secure.yaml is looked for on its own")
        #expect(files.names == ["prod", "staging", "legacy", "only-in-secure"])
        let prod = try #require(files.entry(named: "prod"))
        #expect(prod.value["auth"]?["password"]?.stringValue == "from-secure-yaml")
        #expect(prod.value["auth"]?["username"]?.stringValue == "operator", "the merge keeps clouds.yaml's other keys")
        #expect(files.entry(named: "staging")?.value["auth"]?["application_credential_secret"]?.stringValue == "from-secure-yaml")

        let secureOverride = layout.root.appendingPathComponent("s.yaml").path
        try "clouds:\n  prod: {auth: {password: from-override}}\n".write(toFile: secureOverride, atomically: true, encoding: .utf8)
        let overridden = try layout.load(["OS_CLIENT_SECURE_FILE": secureOverride])
        #expect(overridden.entry(named: "prod")?.value["auth"]?["password"]?.stringValue == "from-override")
    }

    @Test func anEntryReadsAsOpenstacksdkReadsIt() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.place("clouds.yaml", at: layout.cwd, as: "clouds.yaml")
        let files = try layout.load()

        let legacy = try CloudsEntry.settings(from: files.entry(named: "legacy")!.value, cloud: "legacy", region: nil)
        #expect(legacy.settings.authType == "password", "auth-type with a dash is auth_type")
        #expect(legacy.settings.authURL == "http://legacy.example.com:5000")
        #expect(legacy.settings.projectName == "top-level-wins", "a top-level auth key wins over auth:, then tenant_name")
        #expect(legacy.settings.password == "yes", "YAML 1.1 booleans stay the text that was written")
        #expect(legacy.settings.insecure == true, "verify: false is insecure")
        #expect(legacy.notes.contains { $0.contains("profile 'some-vendor' is not applied") })

        let staging = try CloudsEntry.settings(from: files.entry(named: "staging")!.value, cloud: "staging", region: nil)
        #expect(staging.settings.applicationCredentialID == "0123", "an ID that looks like a number keeps its zero")
        #expect(staging.settings.regions == ["RegionOne", "RegionTwo"])
        #expect(staging.settings.region == "RegionOne", "the first listed region is the default")
        #expect(staging.settings.interface == nil)
        let second = try CloudsEntry.settings(from: files.entry(named: "staging")!.value, cloud: "staging", region: "RegionTwo")
        #expect(second.settings.interface == "internal", "a region's values apply when it is the region in use")
        #expect(throws: OpenStackError.self) {
            try CloudsEntry.settings(from: files.entry(named: "staging")!.value, cloud: "staging", region: "RegionNine")
        }
    }

    @Test func badFilesAreNamedInTheError() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.place("broken.yaml", at: layout.cwd, as: "clouds.yaml")
        do {
            _ = try layout.load()
            Issue.record("expected an error")
        } catch let error as OpenStackError {
            #expect(error.message.contains(layout.cwd + "/clouds.yaml"))
            #expect(error.message.contains("not valid YAML"))
        }
        do {
            _ = try layout.load(["OS_CLIENT_CONFIG_FILE": "/nonexistent/clouds.yaml"])
            Issue.record("expected an error")
        } catch let error as OpenStackError {
            #expect(error.message.contains("OS_CLIENT_CONFIG_FILE names /nonexistent/clouds.yaml"))
        }
    }

    @Test func deepMergeReplacesScalarsAndMergesMappings() {
        let base: JSONValue = ["a": ["b": 1, "c": ["d": 2]], "e": "x"]
        let top: JSONValue = ["a": ["c": ["f": 3], "b": "two"], "e": ["now": "a mapping"]]
        let merged = base.deepMerged(with: top)
        #expect(merged["a"]?["b"] == "two")
        #expect(merged["a"]?["c"]?["d"] == 2)
        #expect(merged["a"]?["c"]?["f"] == 3)
        #expect(merged["e"]?["now"] == "a mapping")
    }
}
