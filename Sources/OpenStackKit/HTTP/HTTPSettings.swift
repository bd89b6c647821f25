import Foundation

/// Deadlines and limits for every call to OpenStack.
public struct HTTPSettings: Sendable {
    /// Time allowed to open a TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Longest silence allowed while waiting for bytes of an answer.
    public var readTimeout: Duration
    /// Time allowed for one call, retries included.
    public var totalTimeout: Duration
    /// Retries of a GET after 429, 502, 503 or 504.
    public var maxRetries: Int
    /// Largest answer body accepted from a service.
    public var maxResponseBytes: Int
    /// Skip TLS certificate verification (`--insecure`).
    public var insecure: Bool
    /// Path of a PEM CA bundle to trust (`--cacert`).
    public var caCertificatePath: String?
    /// Path of a PEM client certificate (`--cert`, OS_CERT); it may also hold the private key.
    public var clientCertificatePath: String?
    /// Path of the client certificate's PEM private key (`--key`, OS_KEY).
    public var clientKeyPath: String?
    /// Most requests in flight to the cloud at once; more wait their turn (`--max-upstream-concurrency`).
    public var maxConcurrentRequests: Int = 16

    public init(
        connectTimeout: Duration = .seconds(5), readTimeout: Duration = .seconds(30),
        totalTimeout: Duration = .seconds(60), maxRetries: Int = 2, maxResponseBytes: Int = 64 << 20,
        insecure: Bool = false, caCertificatePath: String? = nil, clientCertificatePath: String? = nil,
        clientKeyPath: String? = nil
    ) {
        self.clientCertificatePath = clientCertificatePath
        self.clientKeyPath = clientKeyPath
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.maxRetries = maxRetries
        self.maxResponseBytes = maxResponseBytes
        self.insecure = insecure
        self.caCertificatePath = caCertificatePath
    }
}
