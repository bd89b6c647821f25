import OpenStackKit
@testable import OpenStackTools
import Testing

/// The rule of `diagnose_quota` over hand-built facts: 80% warns, 100% is an error, -1 never,
/// and the largest consumers and the users behind them are the evidence.
@Suite struct QuotaDiagnosisRuleTests {
    static func facts(compute: [QuotaUsage], servers: [QuotaConsumer]? = nil) -> QuotaFacts {
        QuotaFacts(
            projectID: "p-1", projectName: "team", compute: .known(compute), volume: .unknown("reading Cinder quotas needs the admin role"),
            network: .known([QuotaUsage(resource: "port", limit: 100, used: 10)]), servers: servers.map { .known($0) })
    }

    static func server(_ id: String, cores: Int, user: String) -> QuotaConsumer {
        QuotaConsumer(type: "server", id: id, name: id, userID: user, amounts: ["instances": 1, "cores": cores], label: "\(cores) vCPU")
    }

    @Test func eightyPercentWarnsAHundredIsAnErrorUnlimitedNever() {
        let rule = QuotaUsageRule(service: "compute")
        let usages = [
            QuotaUsage(resource: "cores", limit: 20, used: 16), QuotaUsage(resource: "instances", limit: 10, used: 10),
            QuotaUsage(resource: "ram", limit: -1, used: 999_999), QuotaUsage(resource: "key_pairs", limit: 100, used: 79),
        ]
        guard case .found(let findings) = rule.evaluate(Self.facts(compute: usages)) else { Issue.record("nothing found"); return }
        #expect(findings.map(\.code) == ["quota_near_limit", "quota_exceeded"])
        #expect(findings.map(\.severity) == [.warning, .error])
        #expect(findings[0].evidence[0] == Evidence("project", id: "p-1", name: "team", field: "quota.cores", value: ["in_use": 16, "limit": 20]))
        guard case .passed(let summary) = rule.evaluate(Self.facts(compute: [QuotaUsage(resource: "cores", limit: 20, used: 15)])) else {
            Issue.record("75% passes"); return
        }
        #expect(summary.contains("below 80%"))
    }

    @Test func theLargestConsumersAndTheirUsersAreTheEvidence() {
        let servers = [
            Self.server("small", cores: 1, user: "u-1"), Self.server("big", cores: 8, user: "u-2"),
            Self.server("mid", cores: 4, user: "u-1"), Self.server("mid2", cores: 4, user: "u-1"),
        ]
        let facts = Self.facts(compute: [QuotaUsage(resource: "cores", limit: 20, used: 17)], servers: servers)
        guard case .found(let findings) = QuotaUsageRule(service: "compute").evaluate(facts) else { Issue.record("nothing found"); return }
        let evidence = findings[0].evidence
        #expect(evidence.filter { $0.type == "server" }.compactMap(\.id) == ["big", "mid", "mid2", "small"])
        #expect(evidence.filter { $0.type == "user" }.map { [$0.id ?? "", $0.value.compactText()] } == [["u-1", "9"], ["u-2", "8"]])
        #expect(findings[0].summary.contains("the largest is server big"))
        #expect(findings[0].nextStep.contains("openstack quota show p-1"))
    }

    @Test func anUnreadServiceIsUnknownWithItsReason() {
        let outcome = QuotaUsageRule(service: "volume").evaluate(Self.facts(compute: []))
        #expect(outcome == .unknown("reading Cinder quotas needs the admin role"))
        if case .passed = QuotaUsageRule(service: "network").evaluate(Self.facts(compute: [])) {} else { Issue.record("10% of ports passes") }
    }
}
