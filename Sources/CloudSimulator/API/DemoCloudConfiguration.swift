import Foundation

/// How a ``DemoCloud`` is generated and where it listens.
public struct DemoCloudConfiguration: Sendable {
    /// Number of Nova servers to generate (default 48).
    public var servers: Int
    /// The OAuth issuer whose access tokens the federation endpoint takes (their `iss`); nil: any.
    /// The demo stands for Keystone behind a web server that already checked the signature, as
    /// mod_auth_openidc does; it checks only the issuer and the expiry.
    public var federationIssuer: String?
    /// Seed for the deterministic dataset (default 42).
    public var seed: UInt64
    /// Address to bind (default `127.0.0.1`).
    public var host: String
    /// Port to bind; 0 picks an ephemeral port (default).
    public var port: Int
    /// Lifetime of issued tokens in seconds (default 3600).
    public var tokenLifetime: TimeInterval
    /// The newest Nova microversion served, `2.<n>` (default 100). Lower it to play an older
    /// cloud, e.g. 87 for hypervisors that still report their own usage.
    public var computeMicroversion: Int = 100
    /// Seed the failures the diagnosis tools name (`diag-needs-gpu`, `diag-no-backend`); RegionTwo has none.
    public var diagnosisScenarios = true
    /// The newest Cinder microversion served, `3.<n>` (default 71); below 3 plays a Cinder without user messages.
    public var volumeMicroversion: Int = 71
    /// The newest Placement microversion served, `1.<n>` (default 39).
    public var placementMicroversion: Int = 39
    /// Nova's `[api]/max_limit`: the most items one page holds, whatever `limit` asks (default 1000).
    public var computeMaxLimit: Int = 1000
    /// Glance's `api_limit_max`: the most images one page holds, whatever `limit` asks (default 1000).
    public var imageMaxLimit: Int = 1000
    /// The most requests the request log keeps; the oldest go first. A long `--demo` session makes
    /// millions of requests, and an unbounded log grew the server by about 400 bytes each.
    public var requestLogLimit: Int = 20_000
    /// Serve HTTPS with these files instead of plain HTTP (default nil).
    public var tls: DemoTLS?
    /// Seconds Keystone's clock is off from this host's; negative is behind (default 0). Tokens are
    /// issued and checked on that clock, as a Keystone with a wrong clock would.
    public var clockSkew: TimeInterval
    /// Catalog types Keystone leaves out of its catalog (their APIs still answer), to play a cloud
    /// that does not run those services (default none).
    public var catalogOmits: Set<String> = []
    /// Play Ironic 39's default policy for drivers: only a system-scoped token may read them, and a
    /// project-scoped one gets a 500 (oslo.policy's InvalidScope). Off by default: a cloud whose
    /// Ironic still lets a project admin read them (older releases, or `enforce_scope` off).
    public var ironicDriversNeedSystemScope = false

    /// Creates a configuration.
    public init(
        servers: Int = 48,
        seed: UInt64 = 42,
        host: String = "127.0.0.1",
        port: Int = 0,
        tokenLifetime: TimeInterval = 3600,
        tls: DemoTLS? = nil,
        clockSkew: TimeInterval = 0
    ) {
        self.servers = servers
        self.seed = seed
        self.host = host
        self.port = port
        self.tokenLifetime = tokenLifetime
        self.tls = tls
        self.clockSkew = clockSkew
    }

    /// Servers in RegionTwo: a quarter of RegionOne's (at least one).
    var regionTwoServers: Int { max(1, servers / 4) }
}

/// PEM files for serving HTTPS (`scripts/demo-certificates.sh` makes a CA and these).
public struct DemoTLS: Sendable {
    /// The server certificate (chain), PEM.
    public var certificatePath: String
    /// Its private key, PEM.
    public var privateKeyPath: String
    /// When set, clients must present a certificate signed by this CA (PEM).
    public var clientCAPath: String?

    /// Creates a TLS configuration.
    public init(certificatePath: String, privateKeyPath: String, clientCAPath: String? = nil) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.clientCAPath = clientCAPath
    }
}
