import OpenStackKit

/// Where a flow leaves the server's subnets, derived from the facts (no reads).
extension ConnectivityFacts {
    /// The IP version the flow travels on: 6 for an IPv6 peer, else 4 (the internet is checked on IPv4).
    var flowIPVersion: Int { flow.peerAddresses.contains { $0.contains(":") } ? 6 : 4 }

    /// The subnets of `port` that carry the flow: those of its IP version. An IPv6 subnet without a
    /// router says nothing about whether the server reaches the internet over IPv4.
    func flowSubnets(of port: JSONValue) -> [JSONValue] {
        subnets(of: port).filter { subnet in
            let version = subnet["ip_version"]?.intValue ?? ((subnet["cidr"]?.stringValue ?? "").contains(":") ? 6 : 4)
            return version == flowIPVersion
        }
    }

    /// Whether the peer is outside every subnet of `port` (so a router must carry the flow).
    func needsRoute(_ port: JSONValue) -> Bool {
        let cidrs = flowSubnets(of: port).compactMap { $0["cidr"]?.stringValue }
        switch flow.peer {
        case .internet: return true
        default: return !flow.peerAddresses.contains { address in cidrs.contains { IPPrefix($0)?.contains(address: address) == true } }
        }
    }

    /// Whether the flow leaves the cloud: the internet, or a public address.
    var needsExternal: Bool {
        switch flow.peer {
        case .internet: return true
        case .address(let address): return !IPPrefix.isPrivate(address)
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
