import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Hands out ports for servers the tests start, each at most once per test process.
///
/// Why not bind to port 0 and release it: the kernel picks that port from the ephemeral range,
/// which every outgoing connection of the parallel tests draws from too, so between the release
/// and the server's own bind an outgoing connection could take it ("port … is already in use",
/// seen in CI). Ports below the ephemeral range are never given to outgoing connections, and the
/// set of ports already handed out keeps two tests from drawing the same one.
final class FreePorts: Sendable {
    static let shared = FreePorts()

    private let state: Mutex<(given: Set<Int>, rng: SystemRandomNumberGenerator)>
    private let range: Range<Int>

    private init() {
        state = Mutex((given: [], rng: SystemRandomNumberGenerator()))
        let low = Self.ephemeralLow() ?? 32768
        range = max(1024, low - 12000)..<low
    }

    /// A port in the range that binds on 127.0.0.1 now and was never returned before.
    func next() throws -> Int {
        for _ in 0..<200 {
            let port = state.withLock { state -> Int? in
                let candidate = Int.random(in: range, using: &state.rng)
                return state.given.insert(candidate).inserted ? candidate : nil
            }
            if let port, Self.binds(port) { return port }
        }
        throw TestFailure("no free port below the ephemeral range \(range)")
    }

    /// The low end of the kernel's ephemeral port range, where Linux says.
    private static func ephemeralLow() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8),
            let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first
        else { return nil }
        return Int(first)
    }

    /// Whether a listening socket can bind `port` on 127.0.0.1 at this moment.
    private static func binds(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 }
        }
    }
}
