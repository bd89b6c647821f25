import OpenStackKit

/// For each member that is not serving, what holds its address: no port at all (the member
/// points at nothing), a server that is not ACTIVE, or a healthy-looking server whose service
/// does not answer the health monitor.
struct MemberAddressRule: DiagnosisRule {
    let check = "members"

    func evaluate(_ facts: LoadBalancerFacts) -> RuleOutcome {
        guard facts.pools.value != nil else { return .unknown(facts.pools.reason ?? "") }
        let down = facts.tracedMembers
        let total = facts.members.values.reduce(0) { $0 + $1.count }
        guard !down.isEmpty else { return .passed("All \(total) member(s) are serving (none ERROR or OFFLINE).") }
        var healthyUnmonitored = 0
        var findings: [Finding] = []
        var unread: [String] = []
        for (pool, member) in down {
            guard let fact = facts.holders[member.id] else { continue }
            guard let holder = fact.value else {
                unread.append(fact.reason ?? "")
                continue
            }
            let found = finding(pool: pool, member: member, holder: holder)
            // Unmonitored: only what holds the address can be wrong, not whether it answers.
            if member.isUnmonitored, found.code == "member_offline" {
                healthyUnmonitored += 1
                continue
            }
            findings.append(found)
        }
        if findings.isEmpty, unread.isEmpty {
            return .passed("No member is down; the \(healthyUnmonitored) unmonitored member(s) are on ports of ACTIVE servers.")
        }
        if findings.isEmpty, let reason = unread.first { return .unknown(reason) }
        if facts.membersNotTraced > 0, var last = findings.popLast() {
            last.summary += " (\(facts.membersNotTraced) more members down were not traced: at most \(LoadBalancerFacts.traceCap) are.)"
            findings.append(last)
        }
        return .found(findings)
    }

    private func finding(pool: Pool, member: PoolMember, holder: MemberHolder) -> Finding {
        let address = member.address ?? "none"
        let label = "Member \(member.name ?? member.id) (\(address):\(member.port.map(String.init) ?? "?")) of pool \(pool.name ?? pool.id)"
        let memberEvidence = Evidence("member", id: member.id, name: member.name, field: "operating_status", value: .string(member.operatingStatus ?? "unknown"))
        let show = "openstack loadbalancer member show \(pool.id) \(member.id)"
        guard let port = holder.port else {
            return Finding(
                severity: .error, code: "member_address_unknown",
                summary: "\(label) points at an address that no Neutron port holds on its subnet.",
                evidence: [
                    memberEvidence,
                    Evidence("member", id: member.id, name: member.name, field: "address", value: .string(address)),
                    Evidence("member", id: member.id, name: member.name, field: "subnet_id", value: member.subnetID.map(JSONValue.string) ?? .null),
                ],
                nextStep: "openstack port list --fixed-ip ip-address=\(address) finds nothing; fix the member's address (\(show)) or recreate the server it meant.")
        }
        let portEvidence = Evidence("port", id: port.id, name: port.name, field: "device_id", value: port.deviceID.map(JSONValue.string) ?? .null)
        switch holder.server {
        case .known(.none)?:
            return Finding(
                severity: .error, code: "member_server_not_active",
                summary: "\(label) is on port \(port.id), whose server \(port.deviceID ?? "") no longer exists.",
                evidence: [memberEvidence, portEvidence], nextStep: "openstack server show \(port.deviceID ?? "") fails; remove or re-point the member (\(show)).")
        case .known(let server?) where server.status?.uppercased() != "ACTIVE":
            return Finding(
                severity: .error, code: "member_server_not_active",
                summary: "\(label) is server \(server.name ?? server.id), which is \(server.status ?? "unknown"), not ACTIVE.",
                evidence: [memberEvidence, portEvidence, Evidence("server", id: server.id, name: server.name, field: "status", value: .string(server.status ?? "unknown"))],
                nextStep: "openstack server show \(server.id) shows its state and fault.")
        default:
            var evidence = [memberEvidence, portEvidence, Evidence("port", id: port.id, name: port.name, field: "status", value: .string(port.status ?? "unknown"))]
            if case .known(let server?)? = holder.server {
                evidence.append(Evidence("server", id: server.id, name: server.name, field: "status", value: .string(server.status ?? "unknown")))
            }
            return Finding(
                severity: .warning, code: "member_offline",
                summary: "\(label) is \(member.operatingStatus ?? "down") although its port\(holder.server == nil ? "" : " and server") look healthy: the service on port \(member.port.map(String.init) ?? "?") does not answer the health monitor.",
                evidence: evidence,
                nextStep: "Check the service on the server and the health monitor (\(show); openstack loadbalancer healthmonitor show \(pool.healthMonitorID ?? "<monitor>")).")
        }
    }
}
