import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// The HTTP or HTTPS server of a demo cloud.
enum DemoTLSServer {
    /// Plain HTTP/1.1 without TLS files; HTTPS with them, requiring a client certificate when a
    /// client CA is given.
    static func builder(_ tls: DemoTLS?) throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        let chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: tls.privateKeyPath, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        if let clientCA = tls.clientCAPath {
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCA))
        }
        return try .tls(.http1(), tlsConfiguration: configuration)
    }
}
