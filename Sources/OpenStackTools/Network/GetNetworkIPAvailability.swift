import Foundation
import OpenStackKit

/// `get_network_ip_availability`: used and free addresses per network and subnet (admin).
enum GetNetworkIPAvailability {
    static var definition: ToolDefinition {
        ListTool<NetworkIPAvailability>(
            name: "get_network_ip_availability", title: "Show IP address usage of networks",
            description:
                "IP addresses used and free per network and subnet (admin).",
            noun: "network",
            searchFields: { [$0.networkName, $0.networkID] },
            basic: { availability, _ in
                .compact([
                    ("network_id", .string(availability.networkID)), ("network_name", availability.networkName.json),
                    ("total_ips", number(availability.totalIPs)), ("used_ips", number(availability.usedIPs)),
                ])
            },
            detailed: { availability, _ in
                .compact([
                    ("project_id", availability.projectID.json),
                    ("free_ips", free(availability.totalIPs, availability.usedIPsInPool ?? availability.usedIPs)),
                    ("used_percent", percent(availability.totalIPs, availability.usedIPsInPool ?? availability.usedIPs)),
                    ("subnets", .array(availability.subnets.map { subnet in
                        .object(.compact([
                            ("subnet_id", subnet.subnetID.json), ("subnet_name", subnet.subnetName.json),
                            ("cidr", subnet.cidr.json), ("ip_version", subnet.ipVersion.json),
                            ("total_ips", number(subnet.totalIPs)), ("used_ips", number(subnet.usedIPs)),
                            ("free_ips", free(subnet.totalIPs, subnet.usedIPsInPool ?? subnet.usedIPs)),
                            ("used_percent", percent(subnet.totalIPs, subnet.usedIPsInPool ?? subnet.usedIPs)),
                        ]))
                    })),
                ])
            },
            explainEmpty: { cloud in
                try await AdminRole.require(
                    cloud, service: "Neutron", url: "/v2.0/network-ip-availabilities",
                    because: "Neutron shows IP availability only to administrators and answered this account with an empty list")
            }
        ).definition
    }

    /// An integer when it is one (every IPv4 count), else the double an IPv6 count needs.
    static func number(_ value: Double?) -> JSONValue? {
        guard let value else { return nil }
        if let exact = Int(exactly: value) { return .int(exact) }
        return .double(value)
    }

    /// Free addresses of the pools: `total_ips` counts the pools, so subtract the pool's used ones.
    static func free(_ total: Double?, _ used: Double?) -> JSONValue? {
        guard let total, let used else { return nil }
        return number(max(0, total - used))
    }

    /// Share of the pool in use, to one decimal.
    static func percent(_ total: Double?, _ used: Double?) -> JSONValue? {
        guard let total, let used, total > 0 else { return nil }
        return .double((used / total * 1000).rounded() / 10)
    }
}
