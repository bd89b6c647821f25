import Foundation
import NIOSSL

/// Plain words for a failed TLS handshake, and what to change.
enum TLSFailure {
    /// The reason (`CERTIFICATE_VERIFY_FAILED`, ...) and a sentence a user can act on.
    static func explain(_ error: Error) -> (message: String, nextStep: String) {
        let text = String(describing: error)
        let reason = text.range(of: #"OPENSSL_internal:[A-Z0-9_]+"#, options: .regularExpression)
            .map { String(text[$0].dropFirst("OPENSSL_internal:".count)) }
        let trust = "pass the CA bundle that signed it with --cacert (OS_CACERT, cacert in clouds.yaml) or, for a lab only, --insecure"
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return ("TLS failed: the certificate does not name this host", "use the host name the certificate was issued for in the URL, or " + trust)
        }
        switch reason ?? "" {
        case "CERTIFICATE_VERIFY_FAILED":
            return ("TLS failed: the server's certificate is not signed by a CA this host trusts (CERTIFICATE_VERIFY_FAILED)", trust)
        case let name where name.contains("CERTIFICATE_REQUIRED") || name.contains("HANDSHAKE_FAILURE") || name.contains("BAD_CERTIFICATE") || name.contains("UNKNOWN_CA"):
            return ("TLS failed: the server wants a client certificate it accepts (\(name))",
                    "pass --cert and --key (OS_CERT/OS_KEY, cert/key in clouds.yaml) with a certificate signed by the CA the server trusts")
        case let name where name.contains("ALERT"):
            return ("TLS failed: the server ended the handshake (\(name))",
                    "check the client certificate (--cert/--key) and that the server accepts it; then " + trust)
        case "WRONG_VERSION_NUMBER":
            return ("TLS failed: the server does not speak TLS on this port (WRONG_VERSION_NUMBER)", "use http:// in the URL, or the TLS port")
        default:
            return ("TLS failed: \(reason ?? text)", trust)
        }
    }
}
