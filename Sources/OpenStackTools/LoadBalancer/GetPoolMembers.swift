import Foundation
import OpenStackKit

/// `get_pool_members`: one pool's members, those not serving marked down.
enum GetPoolMembers {
    static var definition: ToolDefinition {
        ListTool<PoolMember>(
            name: "get_pool_members", title: "List a pool's members",
            description: "A pool's members: address, port, weight, operating status; down marks those not serving.",
            noun: "member",
            extraProperties: ["pool": Schema.string("Pool ID or name")], required: ["pool"],
            searchFields: { [$0.name, $0.address] },
            basic: { member, _ in
                .compact([
                    ("id", .string(member.id)), ("name", member.name.json), ("address", member.address.json),
                    ("protocol_port", member.port.json), ("operating_status", member.operatingStatus.json),
                    ("down", member.isDown ? .bool(true) : nil),
                ])
            },
            detailed: { member, _ in
                .compact([
                    ("weight", member.weight.json), ("provisioning_status", member.provisioningStatus.json),
                    ("subnet_id", member.subnetID.json), ("admin_state_up", member.raw["admin_state_up"]),
                ])
            },
            prepare: { cloud, arguments, request in
                guard let key = try arguments.string("pool") else {
                    throw ToolArgumentError(argument: "pool", problem: "required: the pool's ID or name (get_pools)")
                }
                var request = request
                let pool = try await LoadBalancerTree.poolTool.find(key, cloud: cloud)
                request.path = PoolMember.path(pool: pool.id)
                return request
            }
        ).definition
    }
}
