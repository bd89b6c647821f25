import OpenStackKit

/// The traffic `diagnose_connectivity` asks about: to or from where, which protocol and port.
struct Flow: Sendable {
    enum Peer: Sendable {
        case internet
        case address(String)
        /// Another server, with its addresses and the security groups of its ports.
        case server(id: String, name: String?, addresses: [String], groupIDs: [String])
    }

    var peer: Peer
    /// `tcp`, `udp`, `icmp` or `any`.
    var proto: String
    var port: Int?
    /// `ingress`: the peer reaches the server; `egress`: the server reaches the peer.
    var direction: String

    var peerText: String {
        switch peer {
        case .internet: return "the internet"
        case .address(let address): return address
        case .server(let id, let name, _, _): return "server \(name ?? id)"
        }
    }

    var text: String {
        let what = proto == "any" ? "any traffic" : port.map { "\(proto) port \($0)" } ?? proto
        return direction == "ingress" ? "\(what) from \(peerText)" : "\(what) to \(peerText)"
    }

    var peerAddresses: [String] {
        switch peer {
        case .internet: return []
        case .address(let address): return [address]
        case .server(_, _, let addresses, _): return addresses
        }
    }
}

/// IPv4 prefixes: enough to place an address in a subnet or a security-group rule's prefix.
enum IPv4 {
    static func value(_ address: String) -> UInt32? {
        let parts = address.split(separator: ".")
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }

    /// Whether `cidr` holds `address`; nil when either is not IPv4.
    static func contains(_ cidr: String, _ address: String) -> Bool? {
        let pieces = cidr.split(separator: "/")
        guard let base = value(String(pieces[0])), let host = value(address) else { return nil }
        let length = pieces.count > 1 ? Int(pieces[1]) ?? 32 : 32
        guard (0...32).contains(length) else { return nil }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
        return base & mask == host & mask
    }

    static func isPrivate(_ address: String) -> Bool {
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8"].contains { contains($0, address) == true }
    }
}
