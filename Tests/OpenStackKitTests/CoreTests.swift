import Foundation
import Testing

@testable import OpenStackKit

@Suite struct CoreTests {
    @Test(arguments: [
        ("http://keystone:5000", "http://keystone:5000/v3"),
        ("http://keystone:5000/", "http://keystone:5000/v3"),
        ("http://keystone:5000/v3", "http://keystone:5000/v3"),
        ("https://cloud.example.com/identity/v3/", "https://cloud.example.com/identity/v3"),
    ])
    func authURLIsNormalised(input: String, expected: String) throws {
        #expect(try AuthConfiguration.normalizeAuthURL(input).absoluteString == expected)
    }

    @Test func badAuthURLsAreRejectedWithTheNextStep() {
        for bad in ["keystone:5000", "ftp://x/v3", "http://keystone:5000/v2.0"] {
            #expect(throws: OpenStackError.self) { try AuthConfiguration.normalizeAuthURL(bad) }
        }
    }

    static let catalog = ServiceCatalog(entries: [
        CatalogEntry(id: "1", name: "cinderv3", type: "volumev3", endpoints: [
            .init(id: "a", interface: "public", region: "RegionOne", regionID: "RegionOne", url: "http://one/volume/v3/p"),
            .init(id: "b", interface: "public", region: "RegionTwo", regionID: "RegionTwo", url: "http://two/volume/v3/p"),
            .init(id: "c", interface: "internal", region: "RegionOne", regionID: "RegionOne", url: "http://int/volume/v3/p"),
        ]),
        CatalogEntry(id: "2", name: "nova", type: "compute", endpoints: [
            .init(id: "d", interface: "public", region: "RegionTwo", regionID: "RegionTwo", url: "http://two/compute/v2.1"),
        ]),
    ])

    @Test func catalogSelectsByAliasInterfaceAndRegion() throws {
        #expect(try Self.catalog.endpoint(for: .blockStorage, interface: "public", region: nil).host == "one")
        #expect(try Self.catalog.endpoint(for: .blockStorage, interface: "public", region: "RegionTwo").host == "two")
        #expect(try Self.catalog.endpoint(for: .blockStorage, interface: "internalURL", region: "RegionOne").host == "int")
        #expect(Self.catalog.regions == ["RegionOne", "RegionTwo"])
    }

    @Test func catalogErrorsNameWhatExists() {
        do {
            _ = try Self.catalog.endpoint(for: .compute, interface: "public", region: "RegionOne")
            Issue.record("expected an error")
        } catch let error as OpenStackError {
            #expect(error.kind == .catalog)
            #expect(error.message.contains("not offered in region RegionOne; regions that have it: RegionTwo"))
        } catch { Issue.record("\(error)") }
        #expect(throws: OpenStackError.self) { try Self.catalog.endpoint(for: .image, interface: "public", region: nil) }
    }

    @Test func microversionsCompareNumerically() {
        #expect(Microversion("2.100")! > Microversion("2.96")!)
        #expect(Microversion("3.71")! < Microversion("4.0")!)
        #expect(Microversion("x") == nil)
    }

    @Test func redactionRemovesSecretsAtAnyDepth() {
        let document: JSONValue = [
            "name": "vm", "adminPass": "s3cret", "password_expires_at": "2026-01-01",
            "metadata": ["db_password": "hunter2", "role": "web"],
            "connection_info": ["data": ["auth_password": "x", "auth_username": "y", "target_iqn": "iqn"]],
            "list": [["token": "abc"]],
        ]
        let text = Redactor.redact(document).compactText()
        for secret in ["s3cret", "hunter2", "\"x\"", "\"y\"", "abc"] { #expect(!text.contains(secret), "\(secret)") }
        for kept in ["vm", "web", "iqn", "2026-01-01"] { #expect(text.contains(kept)) }
        #expect(Redactor.redactURL("http://h/x?token=abc&limit=1").contains("token=***"))
        for key in ["DB_PASSWORD", "my_api_key", "x_token", "token_id", "ApiKey", "private_key_pem", "s"+"ecret_ref", "passwd"] {
            #expect(Redactor.isSecretKey(key), "\(key)")
        }
        for key in ["name", "tokens", "pass", "secret_type", "password_expires_at", "key_name", "p", ""] {
            #expect(!Redactor.isSecretKey(key), "\(key)")
        }
    }

    @Test func readOnlyRuleRefusesWritesBeforeTheNetwork() throws {
        #expect(throws: OpenStackError.self) {
            try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(method: .POST, url: "http://nova/v2.1/servers"), service: "Nova")
        }
        try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(method: .POST, url: "http://ks/v3/auth/tokens"), service: "Keystone")
        try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(url: "http://nova/v2.1/servers"), service: "Nova")
        // HEAD reads Swift's object metadata; the method set has no other verb to send.
        try OpenStackHTTPClient.checkReadOnly(OutgoingRequest(method: .HEAD, url: "http://swift/v1/AUTH_p/c/o"), service: "Swift")
        #expect(OutgoingRequest.Method.allCases.map(\.rawValue) == ["GET", "HEAD", "POST"])
    }

    @Test func nextLinksFromEveryServiceStyle() {
        // As the answers give them; EndpointLinkTests covers how they are moved onto the endpoint.
        #expect(Pager.nextLink(in: ["images": [], "next": "/v2/images?marker=x"], collectionKey: "images") == "/v2/images?marker=x")
        let novaPage: JSONValue = ["servers": [], "servers_links": [["rel": "next", "href": "http://h/v2.1/servers?marker=a"]]]
        #expect(Pager.nextLink(in: novaPage, collectionKey: "servers") == "http://h/v2.1/servers?marker=a")
        let neutronLast: JSONValue = ["networks": [], "networks_links": [["rel": "previous", "href": "http://h/p"]]]
        #expect(Pager.nextLink(in: neutronLast, collectionKey: "networks") == nil)
        let keystone: JSONValue = ["projects": [], "links": ["self": "http://h/v3/projects", "next": "http://h/v3/projects?marker=z", "previous": nil]]
        #expect(Pager.nextLink(in: keystone, collectionKey: "projects") == "http://h/v3/projects?marker=z")
    }

    @Test func settingsLayerFlagsOverEnvironment() throws {
        var flags = CloudSettings()
        flags.username = "flag-user"
        let env = CloudSettings.fromEnvironment([
            "OS_AUTH_URL": "http://ks:5000", "OS_USERNAME": "env-user", "OS_PASSWORD": "pw", "OS_PROJECT_NAME": "p",
            "OS_ENDPOINT_TYPE": "internalURL",
        ])
        let config = try flags.merged(over: env).resolve(name: "x")
        #expect(config.auth.authURL.absoluteString == "http://ks:5000/v3")
        #expect(config.interface == "internalURL")
        guard case .password(let user, _) = config.auth.method else { Issue.record("not password"); return }
        #expect(user.name == "flag-user")
        #expect(config.auth.scope == .project(id: nil, name: "p", domainID: nil, domainName: "Default"))
    }

    @Test func missingCredentialsSayWhatToSet() {
        var settings = CloudSettings()
        settings.authURL = "http://ks:5000/v3"
        settings.username = "u"
        do {
            _ = try settings.resolve(name: "x")
            Issue.record("expected an error")
        } catch let error as OpenStackError {
            #expect(error.nextStep.contains("OS_PASSWORD"))
        } catch { Issue.record("\(error)") }
    }
}

@Suite struct JSONValueTests {
    @Test func parsingKeepsBooleansIntegersAndDoublesApart() throws {
        let json = try JSONValue.parse(Data(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5,"two":2.0,"big":9007199254740993,"s":"x","n":null,"a":[true,1]}"#.utf8))
        #expect(json["t"] == .bool(true))
        #expect(json["f"] == .bool(false))
        #expect(json["one"] == .int(1))
        #expect(json["zero"] == .int(0))
        #expect(json["half"] == .double(0.5))
        #expect(json["two"]?.intValue == 2)
        #expect(json["big"] == .int(9007199254740993))
        #expect(json["s"] == .string("x"))
        #expect(json["n"] == .null)
        #expect(json["a"] == [true, 1])
        #expect(throws: (any Error).self) { try JSONValue.parse(Data("{bad".utf8)) }
    }
}
