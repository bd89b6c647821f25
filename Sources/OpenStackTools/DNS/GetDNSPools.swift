import Foundation
import OpenStackKit

/// `get_dns_pools`: Designate's pools of DNS servers (admin).
enum GetDNSPools {
    static var definition: ToolDefinition {
        ListTool<DNSPool>(
            name: "get_dns_pools", title: "List DNS pools",
            description: "List Designate pools (admin): name, NS records, attributes, owning project.",
            noun: "pool",
            searchFields: { [$0.name, $0.description] + $0.nameservers.map(Optional.some) },
            basic: { pool, _ in
                .compact([
                    ("id", .string(pool.id)), ("name", pool.name.json),
                    ("ns_records", .array(pool.nameservers.map(JSONValue.string))),
                ])
            },
            detailed: { pool, _ in
                .compact([
                    ("description", pool.description.json), ("project_id", pool.projectID.json),
                    ("attributes", pool.attributes),
                ])
            }
        ).definition
    }
}
