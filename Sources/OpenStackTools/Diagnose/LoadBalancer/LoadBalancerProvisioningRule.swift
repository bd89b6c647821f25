import OpenStackKit

/// Any part of the balancer in provisioning status ERROR: Octavia failed to build or change it,
/// and it stays so until the part is changed again or deleted.
struct LoadBalancerProvisioningRule: DiagnosisRule {
    let check = "provisioning_status"

    func evaluate(_ facts: LoadBalancerFacts) -> RuleOutcome {
        let balancer = facts.balancer
        var parts: [(type: String, id: String, name: String?, status: String?)] = [
            ("load_balancer", balancer.id, balancer.name, balancer.provisioningStatus),
        ]
        parts += (facts.listeners.value ?? []).map { ("listener", $0.id, $0.name, $0.provisioningStatus) }
        parts += (facts.pools.value ?? []).map { ("pool", $0.id, $0.name, $0.provisioningStatus) }
        parts += facts.members.values.flatMap { $0 }.map { ("member", $0.id, $0.name, $0.provisioningStatus) }
        parts += facts.monitors.values.map { ("health_monitor", $0.id, $0.name, $0.provisioningStatus) }
        let failed = parts.filter { $0.status?.uppercased() == "ERROR" }
        guard failed.isEmpty else {
            return .found([
                Finding(
                    severity: .error, code: "load_balancer_provisioning_error",
                    summary: "Octavia failed to provision \(failed.count) part(s) of load balancer \(balancer.name ?? balancer.id): \(failed.prefix(3).map { "\($0.type) \($0.name ?? $0.id)" }.joined(separator: ", ")).",
                    evidence: failed.map { Evidence($0.type, id: $0.id, name: $0.name, field: "provisioning_status", value: "ERROR") },
                    nextStep: "openstack loadbalancer status show \(balancer.id) shows every part's status; the Octavia worker log says why it failed."),
            ])
        }
        return .passed("All \(parts.count) parts read are provisioned (\(balancer.provisioningStatus ?? "unknown")).")
    }
}
