import Foundation
import OpenStackKit

/// `get_security_groups`: Neutron security groups, each with its rules. Remote groups outside the
/// page are named with one batched lookup.
enum GetSecurityGroups {
    static var definition: ToolDefinition {
        ListTool<SecurityGroup>(
            name: "get_security_groups", title: "List security groups",
            description:
                "List security groups with their rules.",
            noun: "security group",
            searchFields: { [$0.name, $0.description] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ groups: [SecurityGroup]) async -> Lookups {
        var names = Dictionary(groups.map { ($0.id, $0.name ?? "") }) { first, _ in first }
        let missing = groups.flatMap { $0.rules.compactMap(\.remoteGroupID) }.filter { names[$0] == nil }
        names.merge(await NeutronLookup.securityGroupNames(cloud, ids: missing)) { own, _ in own }
        var found = Lookups()
        found.network.securityGroupNames = names
        return found
    }

    /// The columns of `openstack security group list`.
    static func basicColumns(_ group: SecurityGroup, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(group.id)), ("name", group.name.json), ("description", group.description.json),
            ("project_id", group.projectID.json), ("tags", .array(group.tags.map(JSONValue.string))),
        ])
    }

    static func detailedColumns(_ group: SecurityGroup, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("rules", .array(group.rules.map { rule in .object(GetSecurityGroupRules.ruleSummary(rule, found)) })),
            ("stateful", group.stateful.json), ("shared", group.shared.json),
            ("created_at", group.createdAt.json), ("updated_at", group.updatedAt.json),
        ])
    }
}
