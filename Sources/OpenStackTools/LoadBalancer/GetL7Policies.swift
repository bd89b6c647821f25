import Foundation
import OpenStackKit

/// `get_l7_policies`: what a listener does with requests its rules match: send them to a pool,
/// redirect or reject them, in position order.
enum GetL7Policies {
    static var definition: ToolDefinition {
        ListTool<L7Policy>(
            name: "get_l7_policies", title: "List L7 policies",
            description: "List Octavia L7 policies: listener, action, position, redirect pool or URL, rule IDs.",
            noun: "L7 policy",
            searchFields: { [$0.name, $0.redirectURL, $0.redirectPrefix] },
            lookups: { cloud, policies in
                // One read of the pools names every redirect pool of the page.
                guard policies.contains(where: { $0.redirectPoolID != nil }),
                    let pools = try? await cloud.get(.loadBalancer, path: Pool.declaration.path.description).json["pools"]?.arrayValue
                else { return Lookups() }
                let names = pools.compactMap { pool in pool.text("id").map { ($0, pool["name"] ?? .null) } }
                return Lookups(values: ["pool": Dictionary(names) { first, _ in first }])
            },
            basic: { policy, _ in
                .compact([
                    ("id", .string(policy.id)), ("name", policy.name.json), ("action", policy.action.json),
                    ("position", policy.position.json), ("provisioning_status", policy.provisioningStatus.json),
                ])
            },
            detailed: { policy, found in
                .compact([
                    ("listener_id", policy.listenerID.json), ("operating_status", policy.operatingStatus.json),
                    ("redirect_pool_id", policy.redirectPoolID.json), ("redirect_pool_name", found.name("pool", policy.redirectPoolID).json),
                    ("redirect_url", policy.redirectURL.json), ("redirect_prefix", policy.redirectPrefix.json),
                    ("redirect_http_code", policy.redirectHTTPCode.json),
                    ("rule_ids", .array(policy.ruleIDs.map(JSONValue.string))), ("admin_state_up", policy.raw["admin_state_up"]),
                ])
            }
        ).definition
    }
}
