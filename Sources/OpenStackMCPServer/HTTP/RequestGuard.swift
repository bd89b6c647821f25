import Foundation

/// DNS-rebinding protection: only loopback (or explicitly allowed) Host and Origin values pass.
///
/// Hummingbird moves `Host` into the request's authority, where the SDK's validator never looks,
/// so this check runs on the authority itself before the SDK sees the request.
struct RequestGuard: Sendable {
    private let hosts: Set<String>
    private let hostsWithPort: Set<String>
    private let origins: Set<String>

    init(options: ServerOptions) {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]
        var withPort: Set<String> = []
        if !["0.0.0.0", "::", "[::]"].contains(options.host) { hosts.insert(options.host.lowercased()) }
        for entry in options.allowedHosts.map({ $0.lowercased() }) {
            if entry.hasPrefix("[") || !entry.contains(":") { hosts.insert(entry) } else { withPort.insert(entry) }
        }
        self.hosts = hosts
        self.hostsWithPort = withPort
        self.origins = Set(options.allowedOrigins.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
    }

    /// True when the Host (authority) names this server.
    func allowsHost(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased(), !authority.isEmpty else { return true }
        if hostsWithPort.contains(authority) { return true }
        return hosts.contains(Self.stripPort(authority))
    }

    /// True when there is no Origin (not a browser) or it is loopback or allowed.
    func allowsOrigin(_ origin: String?) -> Bool {
        guard let origin = origin?.lowercased(), !origin.isEmpty else { return true }
        if origins.contains(origin) { return true }
        guard let components = URLComponents(string: origin), let scheme = components.scheme,
            scheme == "http" || scheme == "https", let host = components.host
        else { return false }
        return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }

    static func stripPort(_ authority: String) -> String {
        if authority.hasPrefix("[") {
            return authority.firstIndex(of: "]").map { String(authority[...$0]) } ?? authority
        }
        return authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? authority
    }
}
