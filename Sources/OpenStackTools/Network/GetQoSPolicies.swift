import Foundation
import OpenStackKit

/// `get_qos_policies`: Neutron QoS policies with their rules and, at `detailed`, the ports and
/// networks that use each (two batched reads per page).
enum GetQoSPolicies {
    static var definition: ToolDefinition {
        ListTool<QoSPolicy>(
            name: "get_qos_policies", title: "List QoS policies",
            description: "List Neutron QoS policies: rules (bandwidth limits, DSCP, minimums), ports and networks using each.",
            noun: "QoS policy",
            searchFields: { [$0.name, $0.description] },
            lookups: { cloud, policies in
                let ids = policies.map(\.id)
                var found = Lookups()
                for (kind, path) in [("ports", "/ports"), ("networks", "/networks")] {
                    let users = await NeutronLookup.records(
                        cloud, path: path, collection: kind, key: "qos_policy_id", values: ids, fields: ["qos_policy_id"])
                    for user in users {
                        guard let policy = user["qos_policy_id"]?.stringValue, let id = user["id"]?.stringValue else { continue }
                        let listed = found.values[kind]?[policy]?.arrayValue ?? []
                        found.values[kind, default: [:]][policy] = .array(listed + [.string(id)])
                    }
                }
                return found
            },
            basic: { policy, _ in
                .compact([
                    ("id", .string(policy.id)), ("name", policy.name.json), ("shared", policy.shared.json),
                    ("is_default", policy.isDefault.json), ("rules", .array(policy.rules.map(ruleJSON))),
                ])
            },
            detailed: { policy, found in
                .compact([
                    ("project_id", policy.projectID.json), ("description", policy.description.json),
                    ("ports", found.values["ports"]?[policy.id] ?? .array([])),
                    ("networks", found.values["networks"]?[policy.id] ?? .array([])),
                    ("created_at", policy.createdAt.json),
                ])
            },
            lookupLevels: [.detailed]
        ).definition
    }

    /// A rule with only the fields its type uses.
    static func ruleJSON(_ rule: QoSPolicy.Rule) -> JSONValue {
        .object(.compact([
            ("type", rule.type.json), ("direction", rule.direction.json), ("max_kbps", rule.maxKbps.json),
            ("max_burst_kbps", rule.maxBurstKbps.json), ("dscp_mark", rule.dscpMark.json),
            ("min_kbps", rule.minKbps.json), ("min_kpps", rule.minKpps.json), ("max_kpps", rule.maxKpps.json),
            ("id", rule.id.json),
        ]))
    }
}
