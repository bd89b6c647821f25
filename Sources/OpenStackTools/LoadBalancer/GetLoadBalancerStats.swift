import Foundation
import OpenStackKit

/// `get_load_balancer_stats`: one balancer's traffic counters (bytes, connections, errors).
enum GetLoadBalancerStats {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_load_balancer_stats", title: "Show a load balancer's traffic statistics",
            description: "One Octavia load balancer's counters: bytes in and out, active and total connections, request errors.",
            inputSchema: Schema.object(["load_balancer": Schema.string("Load balancer ID or name")], required: ["load_balancer"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let key = try arguments.string("load_balancer") else {
                throw ToolArgumentError(argument: "load_balancer", problem: "required: a load balancer ID or name (get_load_balancers)")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let balancer = try await LoadBalancerTree.balancerTool.find(key, cloud: cloud)
            let document = try await cloud.get(.loadBalancer, path: LoadBalancerStats.path(loadBalancer: balancer.id)).json
            let stats = try LoadBalancerStats(json: document["stats"] ?? .null)
            let item = JSONValue.object(.compact([
                ("loadbalancer_id", .string(balancer.id)), ("name", balancer.name.json),
                ("bytes_in", stats.bytesIn.json), ("bytes_out", stats.bytesOut.json),
                ("active_connections", stats.activeConnections.json), ("total_connections", stats.totalConnections.json),
                ("request_errors", stats.requestErrors.json),
            ]))
            return ShowOutput.result(item: item, cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
