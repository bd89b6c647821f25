import OpenStackKit

/// One service's quotas of the project: each resource at or above 80% of its limit is a warning,
/// at or above 100% an error, with the servers or volumes that use most of it and the use per user.
struct QuotaUsageRule: DiagnosisRule {
    /// `compute`, `volume` or `network`.
    let service: String
    var check: String { "\(service)_quotas" }

    /// Most consumers and most users shown for one resource.
    static let topConsumers = 5
    static let topUsers = 3

    func evaluate(_ facts: QuotaFacts) -> RuleOutcome {
        let read: Fact<[QuotaUsage]>
        let consumers: Fact<[QuotaConsumer]>?
        let capped: Bool
        switch service {
        case "compute": (read, consumers, capped) = (facts.compute, facts.servers, facts.serversCapped)
        case "volume": (read, consumers, capped) = (facts.volume, facts.volumes, facts.volumesCapped)
        default: (read, consumers, capped) = (facts.network, nil, false)
        }
        guard let usages = read.value else { return .unknown(read.reason ?? "") }
        let pressed = usages.filter(QuotaFacts.isPressed)
        let project = facts.projectName ?? facts.projectID
        guard !pressed.isEmpty else {
            let finite = usages.filter { $0.limit >= 0 }.count
            return .passed("All \(finite) limited \(service) quotas of project \(project) are below 80%.")
        }
        return .found(pressed.map { usage in
            finding(usage, facts: facts, consumers: consumers?.value ?? [], capped: capped, unread: consumers?.reason)
        })
    }

    /// How much a consumer weighs on a resource: its share, then its size, so that for a count
    /// such as `instances` the largest flavors come first.
    static func weight(_ consumer: QuotaConsumer, _ resource: String) -> [Int] {
        let size = consumer.amounts["cores"] ?? consumer.amounts["gigabytes"] ?? 0
        return [consumer.amounts[resource] ?? 0, size, consumer.amounts["ram"] ?? 0]
    }

    private func finding(_ usage: QuotaUsage, facts: QuotaFacts, consumers: [QuotaConsumer], capped: Bool, unread: String?) -> Finding {
        let project = facts.projectName ?? facts.projectID
        let percent = usage.limit > 0 ? usage.used * 100 / usage.limit : 100
        let exceeded = usage.used >= usage.limit
        var evidence = [
            Evidence("project", id: facts.projectID, name: facts.projectName, field: "quota.\(usage.resource)",
                     value: ["in_use": .int(usage.used), "limit": .int(usage.limit)]),
        ]
        let using = consumers.filter { ($0.amounts[usage.resource] ?? 0) > 0 }
        let largest = using.sorted { first, second in
            let (x, y) = (Self.weight(first, usage.resource), Self.weight(second, usage.resource))
            return x != y ? y.lexicographicallyPrecedes(x) : first.id < second.id
        }
        evidence += largest.prefix(Self.topConsumers).map { consumer in
            Evidence(consumer.type, id: consumer.id, name: consumer.name, field: usage.resource,
                     value: ["uses": .int(consumer.amounts[usage.resource] ?? 0), "what": .string(consumer.label)])
        }
        var perUser: [String: Int] = [:]
        for consumer in using { if let user = consumer.userID { perUser[user, default: 0] += consumer.amounts[usage.resource] ?? 0 } }
        evidence += perUser.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.topUsers).map { user, amount in
            Evidence("user", id: user, field: usage.resource, value: .int(amount))
        }
        var summary = "Project \(project) uses \(usage.used) of \(usage.limit) \(usage.resource) (\(percent)%)"
        if let top = largest.first {
            summary += "; the largest is \(top.type) \(top.name ?? top.id), \(top.label)"
        } else if let unread {
            summary += "; its consumers could not be read (\(unread))"
        }
        summary += capped ? " (among the first \(QuotaFacts.consumerCap) read)." : "."
        let list = service == "compute" ? "openstack server list --project \(facts.projectID) --long"
            : service == "volume" ? "openstack volume list --project \(facts.projectID) --long" : "openstack quota list --network --detail"
        return Finding(
            severity: exceeded ? .error : .warning, code: exceeded ? "quota_exceeded" : "quota_near_limit", summary: summary,
            evidence: evidence,
            nextStep: "openstack quota show \(facts.projectID) shows the limits; \(list) shows what uses them. Free some, or raise the quota (openstack quota set).")
    }
}
