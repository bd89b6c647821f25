import OpenStackKit

/// `diagnose_load_balancer`: why an Octavia balancer or its members are down, in one call.
///
/// After the balancer (by ID or name), three rounds of concurrent reads: its listeners, pools,
/// amphorae and VIP subnet; the members and health monitor of each pool (at most 10 pools);
/// for each member that is down (at most 10), the port holding its address and that port's
/// server, then the ports' security groups in one request.
enum DiagnoseLoadBalancer {
    static let name = "diagnose_load_balancer"

    static let rules: [any DiagnosisRule<LoadBalancerFacts>] = [
        LoadBalancerProvisioningRule(), AmphoraRule(), MemberAddressRule(), HealthMonitorSecurityGroupRule(),
    ]

    static var definition: ToolDefinition {
        ToolDefinition(
            name: name, title: "Diagnose a load balancer",
            description: "Why an Octavia load balancer or member is down: statuses, what holds each down member's address, security groups vs the health monitor, amphorae.",
            inputSchema: Schema.object(["load_balancer": Schema.string("Load balancer ID or exact name.")], required: ["load_balancer"]),
            outputSchema: DiagnosisReport.outputSchema
        ) { context, arguments in
            guard let key = try arguments.string("load_balancer") else {
                throw ToolArgumentError(argument: "load_balancer", problem: "required: the load balancer's ID or name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let balancer = try await LoadBalancerTree.balancerTool.find(key, cloud: cloud)
            let facts = try await LoadBalancerFacts.gather(balancer, cloud: cloud)
            var report = DiagnosisReport(subject: ("load_balancer", balancer.id, balancer.name))
            report.apply(rules, to: facts)
            report.checked.insert(("tree", treeSummary(facts)), at: 0)
            if facts.poolsNotRead > 0 {
                report.unknown.append(("pools", "\(facts.poolsNotRead) more pools not read: at most \(LoadBalancerFacts.poolCap) are"))
            }
            return report.result(cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }

    /// The tree's statuses in one line: what an operator reads first.
    static func treeSummary(_ facts: LoadBalancerFacts) -> String {
        let balancer = facts.balancer
        let status = { (name: String?, id: String, operating: String?) in "\(name ?? id) \(operating ?? "?")" }
        let listeners = (facts.listeners.value ?? []).map { status($0.name, $0.id, $0.operatingStatus) }
        let pools = (facts.pools.value ?? []).map { pool -> String in
            let members = facts.members[pool.id] ?? []
            let down = members.filter(\.isDown).count
            let monitor = facts.monitor(of: pool).map { " monitor \($0.type ?? "?") \($0.operatingStatus ?? "?")" } ?? " no monitor"
            return status(pool.name, pool.id, pool.operatingStatus) + " (\(members.count) members, \(down) down;\(monitor))"
        }
        return "Load balancer \(status(balancer.name, balancer.id, balancer.operatingStatus)), provisioning \(balancer.provisioningStatus ?? "?"); listeners: \(listeners.isEmpty ? "none" : listeners.joined(separator: ", ")); pools: \(pools.isEmpty ? "none" : pools.joined(separator: ", "))."
    }
}
