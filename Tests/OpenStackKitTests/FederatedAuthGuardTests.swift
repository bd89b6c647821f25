import Foundation
import Testing

@testable import OpenStackKit

/// The read-only rule lets Keystone's federated authentication through exactly, and nothing like it.
@Suite struct FederatedAuthGuardTests {
    static func post(_ url: String, body: Data? = nil) -> OutgoingRequest {
        OutgoingRequest(method: .POST, url: url, body: body)
    }

    @Test func exactlyTheFederationAuthPathWithNoBodyPasses() throws {
        try OpenStackHTTPClient.checkReadOnly(
            Self.post("http://ks:5000/v3/OS-FEDERATION/identity_providers/keycloak/protocols/openid/auth"), service: "Keystone")
        try OpenStackHTTPClient.checkReadOnly(
            Self.post("https://cloud.example.com/identity/v3/OS-FEDERATION/identity_providers/a%20b/protocols/oidc/auth", body: Data()),
            service: "Keystone")
    }

    @Test(arguments: [
        "http://ks:5000/v3/OS-FEDERATION/identity_providers/keycloak/protocols/openid",  // no /auth
        "http://ks:5000/v3/OS-FEDERATION/identity_providers/keycloak/protocols/openid/auth/extra",
        "http://ks:5000/v3/OS-FEDERATION/identity_providers",  // creating a provider
        "http://ks:5000/v3/OS-FEDERATION/identity_providers/keycloak/protocols",
        "http://ks:5000/v3/OS-FEDERATION/mappings",
        "http://ks:5000/v3/OS-FEDERATION/identity_providers//protocols/openid/auth",  // empty provider
        "http://nova:8774/v2.1/servers/x/OS-FEDERATION/identity_providers/a/protocols/b/action",
        "http://ks:5000/v3/users",
    ])
    func everyOtherPostIsRefused(url: String) {
        #expect(throws: OpenStackError.self) { try OpenStackHTTPClient.checkReadOnly(Self.post(url), service: "Keystone") }
    }

    @Test func theFederationPathWithABodyIsRefused() {
        let body = Data(#"{"identity_provider":{"enabled":true}}"#.utf8)
        #expect(throws: OpenStackError.self) {
            try OpenStackHTTPClient.checkReadOnly(
                Self.post("http://ks:5000/v3/OS-FEDERATION/identity_providers/keycloak/protocols/openid/auth", body: body),
                service: "Keystone")
        }
    }

    @Test func aServerWithoutIdentityNeverAuthenticates() async throws {
        let http = try OpenStackHTTPClient()
        defer { Task { await http.shutdown() } }
        let auth = AuthConfiguration(authURL: URL(string: "http://127.0.0.1:9/v3")!, method: .none, scope: .unscoped)
        let authenticator = KeystoneAuthenticator(configuration: auth, http: http)
        do {
            _ = try await authenticator.token()
            Issue.record("a server of --identity caller got a token of its own")
        } catch let error as OpenStackError {
            #expect(error.kind == .configuration && error.message.contains("--identity caller"))
        }
        #expect(auth.secrets.isEmpty && auth.typeName == "none")
    }
}
