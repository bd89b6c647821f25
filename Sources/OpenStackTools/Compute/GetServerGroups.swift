import Foundation
import OpenStackKit

/// `get_server_groups`: affinity and anti-affinity groups and their members.
enum GetServerGroups {
    static var definition: ToolDefinition {
        ListTool<ServerGroup>(
            name: "get_server_groups", title: "List server groups",
            description:
                "List Nova server groups: policy, rules, members. all_projects=true (admin) for every project.",
            noun: "server group",
            searchFields: { [$0.name, $0.policy] },
            basic: { group, _ in
                .compact([
                    ("id", .string(group.id)), ("name", group.name.json), ("policy", group.policy.json),
                ])
            },
            detailed: { group, _ in
                .compact([
                    ("rules", .object(group.rules)), ("members", .array(group.members.map(JSONValue.string))),
                    ("member_count", .int(group.members.count)), ("project_id", group.projectID.json),
                    ("user_id", group.userID.json),
                ])
            }
        ).definition
    }
}
