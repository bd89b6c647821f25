import OpenStackKit

/// The traffic `diagnose_connectivity` asks about: to or from where, which protocol and port.
struct Flow: Sendable {
    enum Peer: Sendable {
        case internet
        case address(String)
        /// Another server, with its addresses and the security groups of its ports (with their rules).
        case server(id: String, name: String?, addresses: [String], groupIDs: [String], groups: [JSONValue])
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
        case .server(let id, let name, _, _, _): return "server \(name ?? id)"
        }
    }

    /// The direction the peer's own rules see the same flow in.
    var opposite: String { direction == "ingress" ? "egress" : "ingress" }

    var text: String {
        let what = proto == "any" ? "any traffic" : port.map { "\(proto) port \($0)" } ?? proto
        return direction == "ingress" ? "\(what) from \(peerText)" : "\(what) to \(peerText)"
    }

    var peerAddresses: [String] {
        switch peer {
        case .internet: return []
        case .address(let address): return [address]
        case .server(_, _, let addresses, _, _): return addresses
        }
    }

    /// The traffic a security-group rule must admit, one per address of the peer (the whole
    /// internet is one prefix, `0.0.0.0/0`).
    var traffic: [SecurityGroupTraffic] {
        let groups: [String]
        if case .server(_, _, _, let peerGroups, _) = peer { groups = peerGroups } else { groups = [] }
        let remotes = peerAddresses.isEmpty ? [IPPrefix.anyIPv4] : peerAddresses.compactMap { IPPrefix($0) }
        return remotes.map { SecurityGroupTraffic(direction: direction, proto: proto, port: port, remote: $0, remoteGroups: groups) }
    }
}
