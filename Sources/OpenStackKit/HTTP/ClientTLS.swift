import Foundation
import NIOSSL

/// The TLS side of the HTTP client: trust (system roots, `--cacert`, or none with `--insecure`)
/// and an optional client certificate (`--cert`/`--key`, OS_CERT/OS_KEY).
enum ClientTLS {
    static func configuration(for settings: HTTPSettings) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if settings.insecure { tls.certificateVerification = .none }
        if let path = settings.caCertificatePath {
            // Load now, so a bad bundle is a configuration error rather than a failure on every call.
            do {
                let roots = try NIOSSLCertificate.fromPEMFile(path)
                guard !roots.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
                tls.trustRoots = .certificates(roots)
            } catch {
                throw OpenStackError(
                    kind: .configuration, service: "TLS", message: "the CA bundle \(path) holds no readable PEM certificate",
                    nextStep: "point --cacert (OS_CACERT, cacert in clouds.yaml) at the PEM file of the CA that signed Keystone's certificate")
            }
        }
        if let certificatePath = settings.clientCertificatePath {
            let keyPath = settings.clientKeyPath ?? certificatePath
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) }
            } catch {
                throw OpenStackError(
                    kind: .configuration, service: "TLS", message: "the client certificate \(certificatePath) is not a PEM certificate",
                    nextStep: "point --cert (OS_CERT, cert in clouds.yaml) at a PEM certificate")
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
            } catch {
                throw OpenStackError(
                    kind: .configuration, service: "TLS", message: "no PEM private key could be read from \(keyPath)",
                    nextStep: settings.clientKeyPath == nil
                        ? "set --key (OS_KEY, key in clouds.yaml) to the client certificate's private key"
                        : "point --key (OS_KEY, key in clouds.yaml) at the unencrypted PEM private key of the client certificate")
            }
        }
        return tls
    }
}
