import OpenStackKit

/// Where a flow leaves the server's subnets, derived from the facts (no reads).
extension ConnectivityFacts {
    /// The ports that carry the flow: those on an external network or with a subnet, all of them.
    var flowPorts: [JSONValue] { ports.value ?? [] }

    /// Whether the peer is outside every subnet of `port` (so a router must carry the flow).
    func needsRoute(_ port: JSONValue) -> Bool {
        let cidrs = subnets(of: port).compactMap { $0["cidr"]?.stringValue }
        switch flow.peer {
        case .internet: return true
        default: return !flow.peerAddresses.contains { address in cidrs.contains { IPv4.contains($0, address) == true } }
        }
    }

    /// Whether the flow leaves the cloud: the internet, or a public address.
    var needsExternal: Bool {
        switch flow.peer {
        case .internet: return true
        case .address(let address): return !IPv4.isPrivate(address)
        case .server: return false
        }
    }

    func isExternal(_ port: JSONValue) -> Bool {
        port["network_id"]?.stringValue.flatMap { networks.value?[$0]?["router:external"]?.boolValue } ?? false
    }

    func portEvidence(_ port: JSONValue, _ field: String) -> Evidence {
        Evidence("port", id: port["id"]?.stringValue, name: port["name"]?.stringValue, field: field, value: port[field] ?? .null)
    }
}
