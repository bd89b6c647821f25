import Foundation
import OpenStackKit

/// `get_l7_rules`: the tests of one L7 policy; a request must pass them all for the policy to act.
enum GetL7Rules {
    static var definition: ToolDefinition {
        ListTool<L7Rule>(
            name: "get_l7_rules", title: "List an L7 policy's rules",
            description: "An L7 policy's rules: type (PATH, HOST_NAME, HEADER...), comparison, key, value, inverted.",
            noun: "L7 rule",
            extraProperties: ["l7policy": Schema.string("L7 policy ID or name")], required: ["l7policy"],
            searchFields: { [$0.value, $0.key, $0.type] },
            basic: { rule, _ in
                .compact([
                    ("id", .string(rule.id)), ("type", rule.type.json), ("compare_type", rule.compareType.json),
                    ("key", rule.key.json), ("value", rule.value.json), ("invert", .bool(rule.invert)),
                    ("provisioning_status", rule.provisioningStatus.json),
                ])
            },
            detailed: { rule, _ in
                .compact([
                    ("operating_status", rule.operatingStatus.json), ("admin_state_up", rule.raw["admin_state_up"]),
                    ("project_id", rule.raw.text("project_id").json),
                ])
            },
            prepare: { cloud, arguments, request in
                guard let key = try arguments.string("l7policy") else {
                    throw ToolArgumentError(argument: "l7policy", problem: "required: an L7 policy ID or name (get_l7_policies)")
                }
                var request = request
                request.path = L7Rule.path(policy: try await finder.find(key, cloud: cloud).id)
                return request
            },
            parentMissing: { arguments in
                ("no L7 policy has the ID '\((try? arguments.string("l7policy")) ?? "")'", "list the policies with get_l7_policies")
            }
        ).definition
    }

    private static let finder = ShowTool<L7Policy>(
        name: "get_l7_rules", title: "", description: "", noun: "L7 policy", nameOf: { $0.name },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
