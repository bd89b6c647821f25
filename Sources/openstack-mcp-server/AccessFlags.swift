import ArgumentParser
import Foundation
import Logging
import OpenStackMCPServer

/// Who may call the HTTP endpoint.
struct AccessFlags: ParsableArguments {
    @Option(help: "Accept the bearer tokens in this file (one per line; `#` comments). Re-read on SIGHUP.")
    var authTokenFile: String?
    @Option(help: "Accept OAuth 2.1 access tokens (JWT, RS256/ES256) from this issuer; its keys come from its metadata (RFC 8414).")
    var oauthIssuer: String?
    @Option(help: "The audience an access token must name (aud), usually this server's URL https://HOST/openstack; repeatable.")
    var oauthAudience: [String] = []
    @Option(help: "A scope every access token must carry (else 403 insufficient_scope); repeatable.")
    var oauthScope: [String] = []
    @Option(help: "The issuer's JWKS URL, when it publishes no metadata.") var oauthJwksURL: String?
    @Flag(help: "Serve a non-loopback address without authentication (anyone who reaches the port reads the cloud).")
    var allowUnauthenticated = false
}

/// Limits on what one call, and all calls together, may ask of a cloud.
struct UpstreamFlags: ParsableArguments {
    @Option(help: "Seconds one tool call may spend on OpenStack, all its requests together.") var callTimeout: Int = 120
    @Option(help: "Most requests in flight to each cloud; more wait their turn, calls served in turn.")
    var maxUpstreamConcurrency: Int = 16
}

/// Turns the access flags into an authenticator, and refuses an open non-loopback endpoint.
enum AccessSetup {
    static func configuration(_ flags: AccessFlags) throws -> HTTPAuthConfiguration {
        var configuration = HTTPAuthConfiguration(
            tokenFile: flags.authTokenFile, oauthAudiences: flags.oauthAudience, oauthScopes: flags.oauthScope)
        if let issuer = flags.oauthIssuer {
            guard let url = URL(string: issuer), url.host != nil else {
                throw LaunchError(message: "--oauth-issuer \(issuer) is not a URL. Next step: give the issuer's https:// URL")
            }
            configuration.oauthIssuer = url
        } else if !flags.oauthAudience.isEmpty || !flags.oauthScope.isEmpty || flags.oauthJwksURL != nil {
            throw LaunchError(message: "--oauth-audience, --oauth-scope and --oauth-jwks-url need --oauth-issuer")
        }
        if let jwks = flags.oauthJwksURL {
            guard let url = URL(string: jwks), url.host != nil else { throw LaunchError(message: "--oauth-jwks-url \(jwks) is not a URL") }
            configuration.jwksURL = url
        }
        return configuration
    }

    /// The checked configuration; throws when a non-loopback endpoint would be open by accident.
    @discardableResult
    ///
    /// With `--identity caller` every request must bring an identity Keystone accepts, so an
    /// endpoint without a token check is not open.
    static func checkExposure(_ flags: AccessFlags, host: String, callerIdentity: Bool = false) throws -> HTTPAuthConfiguration {
        let configuration = try configuration(flags)
        if !configuration.isEnabled && !HTTPAuthConfiguration.isLoopback(host) && !flags.allowUnauthenticated && !callerIdentity {
            throw LaunchError(
                message: "refusing to serve \(host) without authentication: anyone who reaches the port would read the cloud. Next step: pass --auth-token-file FILE or --oauth-issuer URL --oauth-audience AUD (or, on a trusted network only, --allow-unauthenticated)")
        }
        return configuration
    }

    /// The authenticator for the HTTP endpoint. Off loopback, no authentication is refused
    /// unless `--allow-unauthenticated` says so (then one warning line).
    static func authenticator(_ flags: AccessFlags, host: String, callerIdentity: Bool = false, logger: Logger) throws
        -> HTTPAuthenticator
    {
        let configuration = try checkExposure(flags, host: host, callerIdentity: callerIdentity)
        if !configuration.isEnabled && !HTTPAuthConfiguration.isLoopback(host) && !callerIdentity {
            logger.warning("serving \(host) WITHOUT authentication (--allow-unauthenticated): anyone who reaches the port reads the cloud")
        }
        do {
            return try HTTPAuthenticator(configuration: configuration, logger: logger)
        } catch let error as AuthSetupError {
            throw LaunchError(message: error.description)
        }
    }
}
