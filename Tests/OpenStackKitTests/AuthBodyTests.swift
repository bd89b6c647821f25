import Foundation
import Testing

@testable import OpenStackKit

/// The token request body for each auth type and scope, as Keystone v3 documents it.
@Suite struct AuthBodyTests {
    func body(_ settings: [String: String]) throws -> JSONValue {
        var environment = settings
        environment["OS_AUTH_URL"] = "http://ks:5000"
        return try CloudSettings.fromEnvironment(environment).resolve(name: "x").auth.requestBody()
    }

    @Test func passwordWithEachScope() throws {
        let project = try body(["OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_PROJECT_NAME": "demo", "OS_USER_DOMAIN_ID": "default"])
        #expect(project["auth"]?["identity"]?["methods"] == ["password"])
        #expect(project["auth"]?["identity"]?["password"]?["user"]?["domain"] == ["id": "default"])
        #expect(project["auth"]?["scope"] == ["project": ["name": "demo", "domain": ["name": "Default"]]])

        let byID = try body(["OS_USER_ID": "uid", "OS_PASSWORD": "p", "OS_PROJECT_ID": "pid"])
        #expect(byID["auth"]?["identity"]?["password"]?["user"] == ["id": "uid", "password": "p"])
        #expect(byID["auth"]?["scope"] == ["project": ["id": "pid"]])

        let domain = try body(["OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_DOMAIN_ID": "default"])
        #expect(domain["auth"]?["scope"] == ["domain": ["id": "default"]])

        let system = try body(["OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_SYSTEM_SCOPE": "all"])
        #expect(system["auth"]?["scope"] == ["system": ["all": true]])
    }

    @Test func applicationCredentialsCarryTheirOwnScope() throws {
        let byID = try body(["OS_AUTH_TYPE": "v3applicationcredential", "OS_APPLICATION_CREDENTIAL_ID": "cid",
                             "OS_APPLICATION_CREDENTIAL_SECRET": "s", "OS_PROJECT_NAME": "ignored"])
        #expect(byID["auth"]?["identity"] == [
            "methods": ["application_credential"], "application_credential": ["id": "cid", "secret": "s"],
        ])
        #expect(byID["auth"]?["scope"] == nil, "Keystone rejects a scope next to an application credential")

        let byName = try body(["OS_APPLICATION_CREDENTIAL_NAME": "cname", "OS_APPLICATION_CREDENTIAL_SECRET": "s",
                               "OS_USERNAME": "u", "OS_USER_DOMAIN_NAME": "Default"])
        #expect(byName["auth"]?["identity"]?["application_credential"] == [
            "name": "cname", "secret": "s", "user": ["name": "u", "domain": ["name": "Default"]],
        ])
    }

    @Test func tokenAuthUnderBothNames() throws {
        for type in ["token", "v3token"] {
            let token = try body(["OS_AUTH_TYPE": type, "OS_TOKEN": "gAAAA", "OS_PROJECT_ID": "pid"])
            #expect(token["auth"]?["identity"] == ["methods": ["token"], "token": ["id": "gAAAA"]])
            #expect(token["auth"]?["scope"] == ["project": ["id": "pid"]])
        }
        let inferred = try CloudSettings.fromEnvironment(["OS_AUTH_URL": "http://ks", "OS_TOKEN": "gAAAA"]).resolve(name: "x")
        #expect(inferred.auth.typeName == "token")
    }
}
