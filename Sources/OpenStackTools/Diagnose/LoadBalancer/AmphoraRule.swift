import OpenStackKit

/// The amphorae (service VMs) of the balancer: one in ERROR no longer forwards traffic. Listing
/// them needs the admin role.
struct AmphoraRule: DiagnosisRule {
    let check = "amphorae"

    func evaluate(_ facts: LoadBalancerFacts) -> RuleOutcome {
        guard let amphorae = facts.amphorae.value else { return .unknown(facts.amphorae.reason ?? "") }
        if amphorae.isEmpty { return .notApplicable }
        let failed = amphorae.filter { $0.status?.uppercased() == "ERROR" }
        guard failed.isEmpty else {
            return .found([
                Finding(
                    severity: .error, code: "amphora_error",
                    summary: "\(failed.count) of \(amphorae.count) amphorae of load balancer \(facts.balancer.name ?? facts.balancer.id) are in ERROR.",
                    evidence: failed.map { Evidence("amphora", id: $0.id, name: $0.role, field: "status", value: "ERROR") },
                    nextStep: "openstack loadbalancer amphora list --loadbalancer \(facts.balancer.id); a failover (openstack loadbalancer failover) rebuilds them."),
            ])
        }
        return .passed("\(amphorae.count) amphora(e), none in ERROR: \(amphorae.compactMap(\.status).joined(separator: ", ")).")
    }
}
