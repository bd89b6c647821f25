import Foundation

/// Shapes that recur across Neutron resources.
extension JSONValue {
    /// A list of strings (`subnets`, `security_groups`, `prefixes`); absent or null gives [].
    public func strings(at key: String) -> [String] {
        (self[key]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

/// One address of a port (`fixed_ips`) or of a router gateway (`external_fixed_ips`).
public struct FixedIP: Sendable, Hashable {
    public let subnetID: String?
    public let ipAddress: String?

    /// The entries of a `fixed_ips`-style list.
    static func list(_ json: JSONValue?) -> [FixedIP] {
        (json?.arrayValue ?? []).map { FixedIP(subnetID: $0.text("subnet_id"), ipAddress: $0.text("ip_address")) }
    }

    /// `{"subnet_id", "ip_address"}`, as the API shows it.
    public var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let subnetID { object["subnet_id"] = .string(subnetID) }
        if let ipAddress { object["ip_address"] = .string(ipAddress) }
        return .object(object)
    }
}

/// A static route (`host_routes` of a subnet, `routes` of a router).
public struct Route: Sendable, Hashable {
    public let destination: String?
    public let nexthop: String?

    static func list(_ json: JSONValue?) -> [Route] {
        (json?.arrayValue ?? []).map { Route(destination: $0.text("destination"), nexthop: $0.text("nexthop")) }
    }
}
