import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// TLS to the cloud: a custom CA bundle, client certificates, and insecure mode, against the demo
/// cloud served over HTTPS with a CA made for the test run.
@Suite(.serialized) struct TLSTests {
    static func settings(_ url: URL) -> CloudSettings { ServerHarness.settings(authURL: url) }

    /// Tries to authenticate with these HTTP settings; returns the error, if any.
    static func authenticate(_ url: URL, _ http: HTTPSettings) async throws -> OpenStackError? {
        let cloud = try OpenStackCloud(configuration: settings(url).resolve(name: "tls", http: http))
        defer { Task { await cloud.shutdown() } }
        do {
            _ = try await cloud.token()
            return nil
        } catch let error as OpenStackError {
            return error
        }
    }

    static func http(ca: String? = nil, insecure: Bool = false, cert: String? = nil, key: String? = nil) -> HTTPSettings {
        HTTPSettings(
            connectTimeout: .seconds(2), readTimeout: .seconds(5), totalTimeout: .seconds(8), insecure: insecure,
            caCertificatePath: ca, clientCertificatePath: cert, clientKeyPath: key)
    }

    @Test func aCustomCABundleIsTrustedAndEverythingElseIsNot() async throws {
        try await withDemoCloud(DemoCloudConfiguration(tls: try await TestCertificates.serverTLS())) { demo, base in
            #expect(base.scheme == "https")
            let url = await demo.authURL
            #expect(try await Self.authenticate(url, Self.http(ca: try await TestCertificates.path("ca.pem"))) == nil)
            let untrusted = try await Self.authenticate(url, Self.http())
            #expect(untrusted?.message.hasPrefix("TLS failed") == true, "\(String(describing: untrusted))")
            #expect(untrusted?.message.contains("not signed by a CA this host trusts") == true)
            let wrongCA = try await Self.authenticate(url, Self.http(ca: try await TestCertificates.path("other-ca.pem")))
            #expect(wrongCA?.message.hasPrefix("TLS failed") == true, "\(String(describing: wrongCA))")
            #expect(wrongCA?.nextStep.contains("--cacert") == true)
            #expect(try await Self.authenticate(url, Self.http(insecure: true)) == nil, "insecure skips verification")
        }
    }

    @Test func clientCertificatesAreSentWhenTheCloudRequiresThem() async throws {
        let tls = try await TestCertificates.serverTLS(requireClientCertificate: true)
        try await withDemoCloud(DemoCloudConfiguration(tls: tls)) { demo, _ in
            let url = await demo.authURL
            let ca = try await TestCertificates.path("ca.pem")
            let with = Self.http(ca: ca, cert: try await TestCertificates.path("client.pem"), key: try await TestCertificates.path("client.key"))
            #expect(try await Self.authenticate(url, with) == nil)
            let without = try await Self.authenticate(url, Self.http(ca: ca))
            #expect(without?.message.contains("client certificate") == true, "\(String(describing: without))")
            #expect(without?.nextStep.contains("--cert") == true)
        }
    }

    @Test func toolsWorkOverHTTPSEndToEnd() async throws {
        let ca = try await TestCertificates.path("ca.pem")
        let spec = MultiCloudHarness.Spec(
            name: "secure", demo: DemoCloudConfiguration(tls: try await TestCertificates.serverTLS(requireClientCertificate: true)),
            http: Self.http(ca: ca, cert: try await TestCertificates.path("client.pem"), key: try await TestCertificates.path("client.key")))
        try await MultiCloudHarness.run([spec]) { harness in
            let result = try await harness.client().call("get_instances", ["all_projects": true, "limit": 3, "region": "RegionTwo"])
            #expect(!result.isError, "\(result.text)")
            #expect(result.items.count == 3)
        }
    }

    @Test func unreadableTLSFilesAreConfigurationErrors() async throws {
        let notPEM = try await TestCertificates.path("server.ext.missing")
        let caKey = try await TestCertificates.path("ca.key")
        #expect(throws: OpenStackError.self) {
            _ = try OpenStackHTTPClient(settings: Self.http(cert: caKey, key: notPEM))
        }
        #expect(throws: OpenStackError.self) {
            _ = try OpenStackHTTPClient(settings: Self.http(ca: caKey))
        }
    }
}
