import Foundation
import OpenStackKit

/// `get_security_group_rules`: Neutron security group rules with the names of their groups and
/// remote groups (one batched lookup per page).
enum GetSecurityGroupRules {
    static var definition: ToolDefinition {
        ListTool<SecurityGroupRule>(
            name: "get_security_group_rules", title: "List security group rules",
            description:
                "List security group rules: direction, ethertype, protocol, ports, remote prefix or group, owning group.",
            noun: "rule description, protocol or security group ID",
            searchFields: { [$0.description, $0.ipProtocol, $0.securityGroupID, $0.remoteIPPrefix] },
            lookups: { cloud, rules in
                var found = Lookups()
                found.network.securityGroupNames = await NeutronLookup.securityGroupNames(
                    cloud, ids: rules.compactMap(\.securityGroupID) + rules.compactMap(\.remoteGroupID))
                return found
            },
            basic: { rule, found in
                .compact([
                    ("id", .string(rule.id)), ("protocol", rule.ipProtocol.json), ("ethertype", rule.ethertype.json),
                    ("ip_range", rule.ipRange.json), ("port_range", rule.portRange.json),
                    ("direction", rule.direction.json), ("remote_group_id", rule.remoteGroupID.json),
                    ("security_group_id", rule.securityGroupID.json),
                ])
            },
            detailed: { rule, found in
                .compact([
                    ("security_group_name", rule.securityGroupID.flatMap { found.network.securityGroupNames[$0] }.json),
                    ("remote_group_name", rule.remoteGroupID.flatMap { found.network.securityGroupNames[$0] }.json),
                    ("remote_ip_prefix", rule.remoteIPPrefix.json),
                    ("remote_address_group_id", rule.remoteAddressGroupID.json),
                    ("port_range_min", rule.portRangeMin.json), ("port_range_max", rule.portRangeMax.json),
                    ("description", rule.description.json), ("project_id", rule.projectID.json),
                    ("created_at", rule.createdAt.json),
                ])
            }
        ).definition
    }

    /// A rule as it appears inside its group: what it allows, in one small object.
    static func ruleSummary(_ rule: SecurityGroupRule, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(rule.id)), ("direction", rule.direction.json), ("ethertype", rule.ethertype.json),
            ("protocol", .string(rule.ipProtocol ?? "any")), ("port_range", rule.portRange.json),
            ("remote_ip_prefix", rule.remoteIPPrefix.json), ("remote_group_id", rule.remoteGroupID.json),
            ("remote_group_name", rule.remoteGroupID.flatMap { found.network.securityGroupNames[$0] }.json),
            ("description", rule.description.flatMap { $0.isEmpty ? nil : $0 }.json),
        ])
    }
}
