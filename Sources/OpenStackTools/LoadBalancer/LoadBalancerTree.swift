import Foundation
import OpenStackKit

/// `get_load_balancer`: one balancer as a tree, listeners → pools → members, each with its
/// operating status and the pool's health monitor, and the members that are down counted.
///
/// After the balancer (by ID or name), one round reads its listeners and pools (filtered by
/// `loadbalancer_id`); a second reads each pool's members and health monitor, at most
/// `concurrency` at a time. A part that fails becomes a note.
enum LoadBalancerTree {
    static let concurrency = 8

    static var balancerTool: ShowTool<LoadBalancer> {
        ShowTool<LoadBalancer>(
            name: "get_load_balancer", title: "Show one load balancer as a tree",
            description:
                "One Octavia load balancer as a tree: listeners, pools, members with operating status, health monitors; counts members down.",
            noun: "load balancer", nameOf: { $0.name },
            basic: { _, _ in [:] }, detailed: { _, _ in [:] })
    }

    static var poolTool: ShowTool<Pool> {
        ShowTool<Pool>(
            name: "get_pool", title: "", description: "", noun: "pool", nameOf: { $0.name },
            basic: { _, _ in [:] }, detailed: { _, _ in [:] })
    }

    static var definition: ToolDefinition {
        let tool = balancerTool
        return ToolDefinition(
            name: tool.name, title: tool.title, description: tool.description,
            inputSchema: Schema.object(["id": Schema.string("Load balancer ID or name")], required: ["id"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let key = try arguments.string("id") else {
                throw ToolArgumentError(argument: "id", problem: "required: the load balancer's ID or name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let balancer = try await tool.find(key, cloud: cloud)
            return try await tree(balancer, cloud: cloud)
        }
    }

    static func tree(_ balancer: LoadBalancer, cloud: OpenStackCloud) async throws -> ToolResult {
        let scope = [URLQueryItem(name: "loadbalancer_id", value: balancer.id)]
        async let listenersRead = DescribeInstance.part("listeners") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(.loadBalancer, path: Listener.declaration.path.description, query: scope).json["listeners"]
        }
        async let poolsRead = DescribeInstance.part("pools") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(.loadBalancer, path: Pool.declaration.path.description, query: scope).json["pools"]
        }
        let (listenerPart, poolPart) = await (listenersRead, poolsRead)
        var notes = [listenerPart.note, poolPart.note].compactMap { $0 }
        let listeners = (listenerPart.value?.arrayValue ?? []).compactMap { try? Listener(json: $0) }
        let pools = (poolPart.value?.arrayValue ?? []).compactMap { try? Pool(json: $0) }

        async let membersRead = BoundedConcurrency.map(pools.map(\.id), limit: concurrency) { id in
            try await cloud.get(.loadBalancer, path: PoolMember.path(pool: id)).json["members"] ?? .array([])
        }
        let monitorIDs = pools.compactMap(\.healthMonitorID)
        async let monitorsRead = BoundedConcurrency.map(monitorIDs, limit: concurrency) { id in
            try await cloud.get(.loadBalancer, path: HealthMonitor.declaration.itemPath(id)).json["healthmonitor"] ?? .null
        }
        let (membersByPool, monitors) = await (membersRead, monitorsRead)
        if membersByPool.count < pools.count { notes.append("members unavailable for \(pools.count - membersByPool.count) pool(s)") }
        if monitors.count < monitorIDs.count { notes.append("\(monitorIDs.count - monitors.count) health monitor(s) unavailable") }

        var down: [JSONValue] = []
        func poolNode(_ pool: Pool) -> JSONValue {
            let members = (membersByPool[pool.id]?.arrayValue ?? []).compactMap { try? PoolMember(json: $0) }
            let memberNodes = members.map { member -> JSONValue in
                let node = JSONValue.object(.compact([
                    ("id", .string(member.id)), ("name", member.name.json), ("address", member.address.json),
                    ("protocol_port", member.port.json), ("weight", member.weight.json),
                    ("operating_status", member.operatingStatus.json), ("provisioning_status", member.provisioningStatus.json),
                ]))
                if member.isDown { down.append(node) }
                return node
            }
            let monitor = pool.healthMonitorID.flatMap { monitors[$0] }.flatMap { try? HealthMonitor(json: $0) }
            return .object(.compact([
                ("id", .string(pool.id)), ("name", pool.name.json), ("protocol", pool.protocolName.json),
                ("lb_algorithm", pool.algorithm.json), ("operating_status", pool.operatingStatus.json),
                ("provisioning_status", pool.provisioningStatus.json),
                ("health_monitor", monitor.map { .object(["id": .string($0.id), "type": $0.type.json ?? .null].merging(monitorColumns($0)) { $1 }) }),
                ("members", .array(memberNodes)),
            ]))
        }
        var placed = Set<String>()
        let listenerNodes = listeners.map { listener -> JSONValue in
            let attached = pools.filter { $0.id == listener.defaultPoolID || $0.listenerIDs.contains(listener.id) }
            placed.formUnion(attached.map(\.id))
            return .object(.compact([
                ("id", .string(listener.id)), ("name", listener.name.json), ("protocol", listener.protocolName.json),
                ("protocol_port", listener.port.json), ("operating_status", listener.operatingStatus.json),
                ("provisioning_status", listener.provisioningStatus.json), ("pools", .array(attached.map(poolNode))),
            ]))
        }
        let loose = pools.filter { !placed.contains($0.id) }.map(poolNode)
        let memberCount = membersByPool.values.reduce(0) { $0 + ($1.arrayValue?.count ?? 0) }
        let item = JSONValue.object(.compact([
            ("id", .string(balancer.id)), ("name", balancer.name.json), ("vip_address", balancer.vipAddress.json),
            ("vip_subnet_id", balancer.vipSubnetID.json), ("vip_port_id", balancer.vipPortID.json),
            ("provider", balancer.provider.json), ("project_id", balancer.projectID.json),
            ("provisioning_status", balancer.provisioningStatus.json), ("operating_status", balancer.operatingStatus.json),
            ("members_total", .int(memberCount)), ("members_down", .int(down.count)),
            ("down_members", down.isEmpty ? nil : .array(down)),
            ("listeners", .array(listenerNodes)), ("pools_without_listener", loose.isEmpty ? nil : .array(loose)),
        ]))
        return ShowOutput.result(item: Redactor.redact(item), cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    /// What a health monitor checks and how often.
    static func monitorColumns(_ monitor: HealthMonitor) -> [String: JSONValue] {
        .compact([
            ("delay", monitor.delay.json), ("timeout", monitor.timeout.json), ("max_retries", monitor.maxRetries.json),
            ("url_path", monitor.urlPath.json), ("expected_codes", monitor.expectedCodes.json),
            ("provisioning_status", monitor.provisioningStatus.json), ("operating_status", monitor.operatingStatus.json),
        ])
    }
}
