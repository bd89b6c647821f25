import Foundation

/// An IP prefix (`10.0.0.0/24`, `2001:db8::/64`) as bytes and a length.
struct IPPrefix: Sendable, Equatable {
    var bytes: [UInt8]
    var length: Int
    var isIPv6: Bool { bytes.count == 16 }

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let bytes = Self.parse(parts[0]) else { return nil }
        let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
        guard let length, (0...bytes.count * 8).contains(length) else { return nil }
        self.bytes = bytes
        self.length = length
    }

    /// Whether every address of `other` is in this prefix.
    func contains(_ other: IPPrefix) -> Bool {
        guard other.bytes.count == bytes.count, other.length >= length else { return false }
        for bit in 0..<length {
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if bytes[bit / 8] & mask != other.bytes[bit / 8] & mask { return false }
        }
        return true
    }

    static func parse(_ text: String) -> [UInt8]? {
        if !text.contains(":") {
            let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
            return octets.count == 4 ? octets : nil
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let groups = halves.map { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) } }
        guard groups.allSatisfy({ $0.allSatisfy { $0 != nil } }) else { return nil }
        let head = groups[0].compactMap { $0 }, tail = groups.count == 2 ? groups[1].compactMap { $0 } : []
        let fill = 8 - head.count - tail.count
        guard halves.count == 2 ? fill >= 0 : fill == 0 else { return nil }
        return (head + Array(repeating: 0, count: fill) + tail).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

extension IPPrefix {
    /// Every address: what "the internet" is to a security-group rule.
    static let anyIPv4 = IPPrefix("0.0.0.0/0")!

    /// Whether `address` (one IPv4 or IPv6 address) is in this prefix; false for an unparsable one.
    func contains(address: String) -> Bool {
        IPPrefix(address).map(contains) ?? false
    }

    /// Addresses a cloud keeps inside: RFC 1918, shared (RFC 6598), loopback and IPv6 ULA.
    static func isPrivate(_ address: String) -> Bool {
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "fc00::/7"]
            .contains { IPPrefix($0)!.contains(address: address) }
    }
}
