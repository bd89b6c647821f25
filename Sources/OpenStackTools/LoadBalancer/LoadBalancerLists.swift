import Foundation
import OpenStackKit

/// Octavia's lists: load balancers, listeners, pools, a pool's members, health monitors, amphorae.
enum LoadBalancerLists {
    static func statusColumns(_ provisioning: String?, _ operating: String?) -> [String: JSONValue] {
        .compact([("provisioning_status", provisioning.json), ("operating_status", operating.json)])
    }

    static var loadBalancers: ToolDefinition {
        ListTool<LoadBalancer>(
            name: "get_load_balancers", title: "List load balancers",
            description: "List Octavia load balancers: VIP, provisioning and operating status, listeners, pools.",
            noun: "load balancer",
            extraProperties: Schema.filters(of: LoadBalancer.declaration),
            request: LoadBalancer.declaration.request,
            searchFields: { [$0.name, $0.vipAddress] },
            basic: { lb, _ in
                .compact([("id", .string(lb.id)), ("name", lb.name.json), ("vip_address", lb.vipAddress.json)])
                    .merging(statusColumns(lb.provisioningStatus, lb.operatingStatus)) { $1 }
            },
            detailed: { lb, _ in
                .compact([
                    ("listeners", .int(lb.listenerIDs.count)), ("pools", .int(lb.poolIDs.count)), ("provider", lb.provider.json),
                    ("vip_subnet_id", lb.vipSubnetID.json), ("vip_port_id", lb.vipPortID.json), ("project_id", lb.projectID.json),
                ])
            }
        ).definition
    }

    static var listeners: ToolDefinition {
        ListTool<Listener>(
            name: "get_listeners", title: "List load balancer listeners",
            description: "List Octavia listeners: protocol, port, status, balancer and default pool.",
            noun: "listener",
            extraProperties: Schema.filters(of: Listener.declaration),
            request: Listener.declaration.request,
            searchFields: { [$0.name] },
            basic: { listener, _ in
                .compact([
                    ("id", .string(listener.id)), ("name", listener.name.json), ("protocol", listener.protocolName.json),
                    ("protocol_port", listener.port.json),
                ]).merging(statusColumns(listener.provisioningStatus, listener.operatingStatus)) { $1 }
            },
            detailed: { listener, _ in
                .compact([
                    ("loadbalancer_ids", .array(listener.loadBalancerIDs.map(JSONValue.string))),
                    ("default_pool_id", listener.defaultPoolID.json),
                    ("connection_limit", listener.raw["connection_limit"]),
                ])
            }
        ).definition
    }

    static var pools: ToolDefinition {
        ListTool<Pool>(
            name: "get_pools", title: "List load balancer pools",
            description: "List Octavia pools: protocol, algorithm, status, member count, health monitor.",
            noun: "pool",
            extraProperties: Schema.filters(of: Pool.declaration),
            request: Pool.declaration.request,
            searchFields: { [$0.name] },
            basic: { pool, _ in
                .compact([
                    ("id", .string(pool.id)), ("name", pool.name.json), ("protocol", pool.protocolName.json),
                    ("lb_algorithm", pool.algorithm.json), ("operating_status", pool.operatingStatus.json),
                ])
            },
            detailed: { pool, _ in
                .compact([
                    ("provisioning_status", pool.provisioningStatus.json), ("members", .int(pool.memberIDs.count)),
                    ("healthmonitor_id", pool.healthMonitorID.json),
                    ("loadbalancer_ids", .array(pool.loadBalancerIDs.map(JSONValue.string))),
                    ("listener_ids", .array(pool.listenerIDs.map(JSONValue.string))),
                ])
            }
        ).definition
    }

    static var members: ToolDefinition {
        var properties = Schema.filters(of: PoolMember.declaration)
        properties["pool"] = Schema.string("Pool ID or name")
        return ListTool<PoolMember>(
            name: "get_pool_members", title: "List a pool's members",
            description: "A pool's members: address, port, weight, operating status; down marks those not serving.",
            noun: "member",
            extraProperties: properties, required: ["pool"],
            request: { arguments in
                guard let pool = try arguments.string("pool") else {
                    throw ToolArgumentError(argument: "pool", problem: "required: the pool's ID or name (get_pools)")
                }
                var request = try PoolMember.declaration.request(arguments)
                request.path = PoolMember.path(pool: pool)
                return request
            },
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
                var request = request
                let pool = try await LoadBalancerTree.poolTool.find(try arguments.string("pool")!, cloud: cloud)
                request.path = PoolMember.path(pool: pool.id)
                return request
            }
        ).definition
    }

    static var healthMonitors: ToolDefinition {
        ListTool<HealthMonitor>(
            name: "get_health_monitors", title: "List load balancer health monitors",
            description: "List Octavia health monitors: type, delay, timeout, retries, URL path, status.",
            noun: "health monitor",
            extraProperties: Schema.filters(of: HealthMonitor.declaration),
            request: HealthMonitor.declaration.request,
            searchFields: { [$0.name] },
            basic: { monitor, _ in
                .compact([
                    ("id", .string(monitor.id)), ("name", monitor.name.json), ("type", monitor.type.json),
                    ("operating_status", monitor.operatingStatus.json),
                ])
            },
            detailed: { monitor, _ in LoadBalancerTree.monitorColumns(monitor) }
        ).definition
    }

    static var amphorae: ToolDefinition {
        ListTool<Amphora>(
            name: "get_amphorae", title: "List amphorae (admin)",
            description: "Admin: list Octavia amphorae, the VMs behind balancers: status, role, balancer, compute ID.",
            noun: "amphora",
            extraProperties: Schema.filters(of: Amphora.declaration),
            request: Amphora.declaration.request,
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
