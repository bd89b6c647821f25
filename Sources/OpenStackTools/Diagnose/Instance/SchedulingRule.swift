import OpenStackKit

/// For a server that failed to schedule: what in its request no compute host offers, found by
/// asking Placement for candidates and for the providers that have each trait.
struct SchedulingRule: DiagnosisRule {
    let check = "scheduling"

    func evaluate(_ facts: InstanceFacts) -> RuleOutcome {
        guard let fact = facts.scheduling else { return .notApplicable }
        guard let scheduling = fact.value else { return .unknown(fact.reason ?? "") }
        let flavor = scheduling.flavor
        let placement = "openstack allocation candidate list --resource \(scheduling.resources.map { "\($0.0)=\($0.1)" }.joined(separator: " --resource "))"
        var findings: [Finding] = []
        for (trait, source) in scheduling.required where scheduling.providersWithTrait[trait] == 0 {
            findings.append(Finding(
                severity: .error, code: "no_host_with_trait",
                summary: "No resource provider has trait \(trait), which \(source.type) \(source.name ?? source.id ?? "") requires, so no host can take the server.",
                evidence: [
                    Evidence(source.type, id: source.id, name: source.name, field: source.type == "flavor" ? "extra_specs.trait:\(trait)" : "trait:\(trait)", value: "required"),
                    Evidence("placement", id: nil, name: "resource_providers", field: "required=\(trait)", value: 0),
                ],
                nextStep: "Which providers have it: openstack resource provider list --required \(trait); or use a \(source.type) without trait:\(trait)"))
        }
        for (trait, source) in scheduling.forbidden where scheduling.providersWithoutTrait[trait] == 0 {
            findings.append(Finding(
                severity: .error, code: "no_host_without_trait",
                summary: "Every resource provider has trait \(trait), which \(source.type) \(source.name ?? source.id ?? "") forbids.",
                evidence: [
                    Evidence(source.type, id: source.id, name: source.name, field: "extra_specs.trait:\(trait)", value: "forbidden"),
                    Evidence("placement", id: nil, name: "resource_providers", field: "required=!\(trait)", value: 0),
                ],
                nextStep: "openstack resource provider list --forbidden \(trait)"))
        }
        if !findings.isEmpty { return .found(findings) }
        let resourceEvidence = Evidence("flavor", id: flavor.id, name: flavor.name, field: "resources", value: .string(scheduling.resourcesText))
        if scheduling.candidates > 0 {
            return .found([Finding(
                severity: .info, code: "scheduling_possible_now",
                summary: "Placement now offers hosts for this request (\(scheduling.resourcesText)): the failure came from capacity at that time or from a Nova filter outside Placement (availability zone, aggregate, server group).",
                evidence: [resourceEvidence, Evidence("placement", id: nil, name: "allocation_candidates", field: "count", value: .int(scheduling.candidates))],
                nextStep: "Check the scheduler's log for the request and retry: \(placement)")])
        }
        if scheduling.candidatesForResourcesAlone ?? 0 == 0 {
            return .found([Finding(
                severity: .error, code: "no_host_with_resources",
                summary: "No compute host has \(scheduling.resourcesText) free for flavor \(flavor.name ?? flavor.id ?? "").",
                evidence: [resourceEvidence, Evidence("placement", id: nil, name: "allocation_candidates", field: "count", value: 0)],
                nextStep: "Free capacity per host: openstack resource provider usage show <provider>; \(placement)")])
        }
        let traits = (scheduling.required.map(\.trait) + scheduling.forbidden.map { "!" + $0.trait }).joined(separator: ",")
        return .found([Finding(
            severity: .error, code: "no_host_with_traits_and_resources",
            summary: "Hosts with the traits \(traits) exist and hosts with \(scheduling.resourcesText) free exist, but no host is both.",
            evidence: [resourceEvidence, Evidence("flavor", id: flavor.id, name: flavor.name, field: "traits", value: .string(traits))],
            nextStep: "\(placement) --required \(traits)")])
    }
}
