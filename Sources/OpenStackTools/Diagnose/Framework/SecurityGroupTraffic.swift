import OpenStackKit

/// Traffic to or from a port, as a security-group rule sees it: one evaluation for every diagnosis.
struct SecurityGroupTraffic: Sendable {
    /// `ingress` (to the port) or `egress` (from it).
    var direction: String
    /// `tcp`, `udp`, `icmp`, `sctp` or `any`.
    var proto: String
    var port: Int?
    /// The other side: every one of its addresses must be in a rule's prefix.
    var remote: IPPrefix
    /// The security groups of the other side's ports, for rules that admit by remote group.
    var remoteGroups: [String] = []

    private static let numbers = ["tcp": "6", "udp": "17", "icmp": "1", "sctp": "132"]

    /// Whether `rule` admits this traffic: its direction, ethertype, protocol, port range and
    /// remote (a prefix holding every address of the other side, or one of its groups).
    func isAdmitted(by rule: SecurityGroupRule) -> Bool {
        guard rule.direction == direction, (rule.ethertype ?? "IPv4") == (remote.isIPv6 ? "IPv6" : "IPv4") else { return false }
        if let ruleProto = rule.ipProtocol?.lowercased(), !["any", "0"].contains(ruleProto) {
            let icmpv6 = proto == "icmp" && ["ipv6-icmp", "icmpv6", "58"].contains(ruleProto)
            guard proto == ruleProto || Self.numbers[proto] == ruleProto || icmpv6 else { return false }
            if proto != "icmp", let port {
                if let low = rule.portRangeMin, port < low { return false }
                if let high = rule.portRangeMax, port > high { return false }
            }
        }
        if rule.remoteAddressGroupID != nil { return false }
        if let group = rule.remoteGroupID { return remoteGroups.contains(group) }
        guard let text = rule.remoteIPPrefix else { return true }
        return IPPrefix(text).map { $0.contains(remote) } ?? false
    }
}
