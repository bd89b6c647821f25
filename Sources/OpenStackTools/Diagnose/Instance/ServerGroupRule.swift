import OpenStackKit

/// For a server that failed to schedule in a server group: whether the group's policy leaves any
/// usable host (anti-affinity: every usable host already runs a member; affinity: the members'
/// host cannot take it).
struct ServerGroupRule: DiagnosisRule {
    let check = "server_group_policy"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let fact = facts.serverGroup else { return .notApplicable }
        guard let groupFacts = fact.value else { return .unknown(fact.reason ?? "") }
        guard let group = groupFacts.group, let policy = groupFacts.policy else {
            return .passed("The server is in no server group.")
        }
        let name = group["name"]?.stringValue ?? group["id"]?.stringValue ?? ""
        let occupied = Set(groupFacts.memberHosts.values.compactMap { $0 })
        let evidence = [
            Evidence("server_group", id: group["id"]?.stringValue, name: group["name"]?.stringValue, field: "policy", value: .string(policy)),
            Evidence("server_group", id: group["id"]?.stringValue, name: group["name"]?.stringValue, field: "members' hosts", value: .array(occupied.sorted().map(JSONValue.string))),
            Evidence("compute_service", id: nil, name: "nova-compute", field: "up and enabled hosts", value: .array(groupFacts.usableHosts.sorted().map(JSONValue.string))),
        ]
        let next = "openstack server group show \(group["id"]?.stringValue ?? name); openstack compute service list --service nova-compute"
        switch policy {
        case "anti-affinity" where !groupFacts.usableHosts.isEmpty && groupFacts.usableHosts.isSubset(of: occupied):
            return .found([Finding(
                severity: .error, code: "server_group_policy_unsatisfiable",
                summary: "Server group \(name) is anti-affinity and every usable compute host (\(groupFacts.usableHosts.count)) already runs one of its members, so no host is left for this one.",
                evidence: evidence, nextStep: next)])
        case "affinity":
            guard let host = occupied.first else { return .passed("Server group \(name) (affinity) has no placed member yet.") }
            guard groupFacts.usableHosts.contains(host) else {
                return .found([Finding(
                    severity: .error, code: "server_group_policy_unsatisfiable",
                    summary: "Server group \(name) is affinity, so the server must go to \(host), where its members run, but nova-compute there is down or disabled.",
                    evidence: evidence, nextStep: next)])
            }
            return .passed("Server group \(name) (affinity): its members' host \(host) is up and enabled.")
        default:
            return .passed("Server group \(name) (\(policy)) leaves \(groupFacts.usableHosts.subtracting(policy == "anti-affinity" ? occupied : []).count) usable host(s).")
        }
    }
}
