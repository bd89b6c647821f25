import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OpenStackKit

/// Who may call the HTTP endpoint: anyone (loopback), holders of a static bearer token, or
/// holders of an OAuth 2.1 access token for this server (a resource server, RFC 9728).
///
/// The token is only read here: nothing passes it on, and OpenStack is called with the
/// server's own Keystone token, so a caller's token never goes upstream.
public final class HTTPAuthenticator: Sendable {
    enum Mode: Sendable {
        case open
        case bearer(BearerTokenStore)
        case oauth(OAuthVerifier)
    }

    static let realm = "openstack-mcp-server"
    static let metadataPath = "/.well-known/oauth-protected-resource"

    let mode: Mode
    let configuration: HTTPAuthConfiguration
    let logger: Logger

    /// Lets every request through (loopback, or `--allow-unauthenticated`).
    public static func open(logger: Logger = Logger(label: "auth")) -> HTTPAuthenticator {
        HTTPAuthenticator(mode: .open, configuration: .init(), logger: logger)
    }

    init(mode: Mode, configuration: HTTPAuthConfiguration, logger: Logger) {
        self.mode = mode
        self.configuration = configuration
        self.logger = logger
    }

    /// The authenticator for a configuration; throws ``AuthSetupError`` with one line to fix.
    public convenience init(configuration: HTTPAuthConfiguration, logger: Logger) throws {
        if configuration.tokenFile != nil, configuration.oauthIssuer != nil {
            throw AuthSetupError(description: "--auth-token-file and --oauth-issuer exclude each other. Next step: choose one")
        }
        if let path = configuration.tokenFile {
            self.init(mode: .bearer(try BearerTokenStore(path: path)), configuration: configuration, logger: logger)
        } else if let issuer = configuration.oauthIssuer {
            guard ["http", "https"].contains(issuer.scheme ?? ""), issuer.host != nil else {
                throw AuthSetupError(description: "--oauth-issuer \(issuer.absoluteString) is not an http(s) URL")
            }
            guard !configuration.oauthAudiences.isEmpty else {
                throw AuthSetupError(
                    description: "--oauth-issuer needs --oauth-audience: the audience tokens must name for this server (usually its URL, https://HOST/openstack)")
            }
            let verifier = OAuthVerifier(configuration: configuration, issuer: issuer, logger: logger)
            self.init(mode: .oauth(verifier), configuration: configuration, logger: logger)
        } else {
            self.init(mode: .open, configuration: configuration, logger: logger)
        }
    }

    /// True when callers must present a token.
    public var isEnabled: Bool {
        if case .open = mode { return false }
        return true
    }

    /// SIGHUP: re-read the token file, or fetch the issuer's keys again.
    public func reload() async {
        switch mode {
        case .open: return
        case .bearer(let store): store.reload(logger: logger)
        case .oauth(let verifier):
            do { try await verifier.cache.refresh() } catch {
                logger.warning("issuer keys not refreshed", metadata: ["reason": "\(error)"])
            }
        }
    }

    /// Reads the issuer's keys once at start, so that a wrong issuer shows in the log at once.
    /// A failure is not fatal: the keys are fetched again with the first token.
    public func prefetch() async {
        guard case .oauth(let verifier) = mode else { return }
        do { try await verifier.cache.refresh() } catch {
            logger.warning("issuer keys not available yet; tokens are refused until they are", metadata: ["reason": "\(error)"])
        }
    }

    /// Nil when the request may pass; otherwise the 401 or 403 to send.
    func refusal(for request: Request) async -> Response? {
        let presented = Self.bearerToken(request.headers[.authorization])
        switch mode {
        case .open:
            return nil
        case .bearer(let store):
            guard let presented else { return unauthorized(request, reason: nil) }
            return store.accepts(presented) ? nil : unauthorized(request, reason: "the bearer token is not accepted")
        case .oauth(let verifier):
            guard let presented else { return unauthorized(request, reason: nil) }
            switch await verifier.verify(presented) {
            case .accepted: return nil
            case .invalid(let reason): return unauthorized(request, reason: reason)
            case .insufficientScope: return forbidden(request)
            }
        }
    }

    /// The token of an `Authorization: Bearer …` header (the scheme in any case).
    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
