import Foundation
import OpenStackKit

/// `get_subnet_pools`: Neutron subnet pools and their prefixes.
enum GetSubnetPools {
    static var definition: ToolDefinition {
        ListTool<SubnetPool>(
            name: "get_subnet_pools", title: "List subnet pools",
            description:
                "List Neutron subnet pools: prefixes, IP version, prefix lengths, shared and default flags.",
            noun: "subnet pool",
            searchFields: { pool in [pool.name, pool.description] + pool.prefixes },
            basic: { pool, _ in
                .compact([
                    ("id", .string(pool.id)), ("name", pool.name.json),
                    ("prefixes", .array(pool.prefixes.map(JSONValue.string))),
                ])
            },
            detailed: { pool, _ in
                .compact([
                    ("ip_version", pool.ipVersion.json), ("shared", pool.shared.json), ("is_default", pool.isDefault.json),
                    ("default_prefixlen", pool.defaultPrefixLength.json), ("min_prefixlen", pool.minPrefixLength.json),
                    ("max_prefixlen", pool.maxPrefixLength.json), ("default_quota", pool.defaultQuota.json),
                    ("address_scope_id", pool.addressScopeID.json), ("project_id", pool.projectID.json),
                    ("description", pool.description.json), ("created_at", pool.createdAt.json),
                ])
            }
        ).definition
    }
}
