import Foundation
import OpenStackKit

/// `get_amphorae`: the amphorae behind load balancers (admin).
enum GetAmphorae {
    static var definition: ToolDefinition {
        ListTool<Amphora>(
            name: "get_amphorae", title: "List amphorae (admin)",
            description: "Admin: list Octavia amphorae, the VMs behind balancers: status, role, balancer, compute ID.",
            noun: "amphora",
            searchFields: { [$0.loadBalancerID, $0.computeID, $0.managementIP] },
            basic: { amphora, _ in
                .compact([
                    ("id", .string(amphora.id)), ("loadbalancer_id", amphora.loadBalancerID.json),
                    ("status", amphora.status.json), ("role", amphora.role.json),
                ])
            },
            detailed: { amphora, _ in
                .compact([
                    ("compute_id", amphora.computeID.json), ("lb_network_ip", amphora.managementIP.json),
                    ("compute_flavor", amphora.computeFlavor.json), ("ha_ip", amphora.raw["ha_ip"]),
                ])
            }
        ).definition
    }
}
