import Foundation
import OpenStackKit

/// `get_load_balancers`: Octavia load balancers with their VIP and statuses.
enum GetLoadBalancers {
    static var definition: ToolDefinition {
        ListTool<LoadBalancer>(
            name: "get_load_balancers", title: "List load balancers",
            description: "List Octavia load balancers: VIP, provisioning and operating status, listeners, pools.",
            noun: "load balancer",
            searchFields: { [$0.name, $0.vipAddress] },
            basic: { lb, _ in
                .compact([("id", .string(lb.id)), ("name", lb.name.json), ("vip_address", lb.vipAddress.json)])
                    .merging(LoadBalancerColumns.statusColumns(lb.provisioningStatus, lb.operatingStatus)) { $1 }
            },
            detailed: { lb, _ in
                .compact([
                    ("listeners", .int(lb.listenerIDs.count)), ("pools", .int(lb.poolIDs.count)), ("provider", lb.provider.json),
                    ("vip_subnet_id", lb.vipSubnetID.json), ("vip_port_id", lb.vipPortID.json), ("project_id", lb.projectID.json),
                ])
            }
        ).definition
    }
}
