import OpenStackKit
import Testing

@testable import OpenStackTools

/// Each rule of `diagnose_instance`, over facts built by hand: what it finds, passes or cannot check.
@Suite struct InstanceRuleTests {
    static func facts(
        _ server: JSONValue, actions: Fact<[JSONValue]> = .known([]), service: Fact<JSONValue?> = .known(nil),
        hypervisor: Fact<JSONValue?> = .known(nil), ports: Fact<[JSONValue]> = .known([]), volumes: Fact<[JSONValue]> = .known([]),
        scheduling: Fact<SchedulingFacts>? = nil
    ) -> InstanceFacts {
        InstanceFacts(server: server, failedActions: actions, computeService: service, hypervisor: hypervisor, ports: ports,
                      volumes: volumes, scheduling: scheduling)
    }

    static let active: JSONValue = ["id": "s1", "name": "web", "status": "ACTIVE", "OS-EXT-SRV-ATTR:host": "compute-1"]
    static let failed: JSONValue = [
        "id": "s2", "name": "gpu", "status": "ERROR", "OS-EXT-SRV-ATTR:host": .null,
        "fault": ["code": 500, "message": "No valid host was found. There are not enough hosts available."],
    ]

    static func codes(_ outcome: RuleOutcome) -> [String] {
        if case .found(let findings) = outcome { return findings.map(\.code) }
        return []
    }

    @Test func serverState() {
        #expect(Self.codes(ServerStateRule().evaluate(Self.facts(Self.failed))) == ["server_error"])
        #expect(ServerStateRule().evaluate(Self.facts(Self.active)) == .passed("Server web is ACTIVE with no task in progress."))
        let shutoff = Self.active.with(["status": "SHUTOFF"])
        #expect(Self.codes(ServerStateRule().evaluate(Self.facts(shutoff))) == ["server_shut_off"])
        let resizing = Self.active.with(["OS-EXT-STS:task_state": "resize_migrating"])
        #expect(Self.codes(ServerStateRule().evaluate(Self.facts(resizing))) == ["task_in_progress"])
    }

    @Test func schedulingNamesTheTraitNoProviderHas() {
        let flavor = SchedulingFacts.Source(type: "flavor", id: "f1", name: "diag.gpu")
        let missingTrait = SchedulingFacts(
            flavor: flavor, image: nil, resources: [("VCPU", 1), ("MEMORY_MB", 512)], required: [("CUSTOM_GPU_A100", flavor)],
            forbidden: [], candidates: 0, candidatesForResourcesAlone: 3, providersWithTrait: ["CUSTOM_GPU_A100": 0], providersWithoutTrait: [:])
        let outcome = SchedulingRule().evaluate(Self.facts(Self.failed, scheduling: .known(missingTrait)))
        #expect(Self.codes(outcome) == ["no_host_with_trait"])
        if case .found(let findings) = outcome {
            #expect(findings[0].evidence.contains { $0.type == "flavor" && $0.field == "extra_specs.trait:CUSTOM_GPU_A100" })
        }
        var noCapacity = missingTrait
        noCapacity.required = []
        noCapacity.providersWithTrait = [:]
        noCapacity.candidatesForResourcesAlone = nil
        #expect(Self.codes(SchedulingRule().evaluate(Self.facts(Self.failed, scheduling: .known(noCapacity)))) == ["no_host_with_resources"])
        var possible = noCapacity
        possible.candidates = 2
        #expect(Self.codes(SchedulingRule().evaluate(Self.facts(Self.failed, scheduling: .known(possible)))) == ["scheduling_possible_now"])
        var combination = missingTrait
        combination.providersWithTrait = ["CUSTOM_GPU_A100": 1]
        #expect(Self.codes(SchedulingRule().evaluate(Self.facts(Self.failed, scheduling: .known(combination)))) == ["no_host_with_traits_and_resources"])
        #expect(SchedulingRule().evaluate(Self.facts(Self.failed, scheduling: .unknown("needs the admin role"))) == .unknown("needs the admin role"))
        #expect(SchedulingRule().evaluate(Self.facts(Self.active)) == .notApplicable)
    }

    @Test func theRequestComesFromTheFlavorAndTheImage() {
        let request = SchedulingFacts.request(
            flavor: ["id": "f", "name": "g", "vcpus": 2, "ram": 2048, "disk": 20],
            extraSpecs: ["trait:CUSTOM_A": "required", "trait:CUSTOM_B": "forbidden", "resources:DISK_GB": "0", "resources:VGPU": "1"],
            image: ["id": "i", "name": "img", "trait:CUSTOM_C": "required"])
        #expect(request.resources.map { "\($0.0)=\($0.1)" } == ["VCPU=2", "MEMORY_MB=2048", "VGPU=1"])
        #expect(request.required.map(\.0) == ["CUSTOM_A", "CUSTOM_C"])
        #expect(request.forbidden.map(\.0) == ["CUSTOM_B"])
    }

    @Test func failedActionsHostServicePortsAndVolumes() {
        let action: JSONValue = [
            "action": "create", "request_id": "req-1", "message": "Error",
            "events": [["event": "conductor_schedule_and_build_instances", "result": "Error"]],
        ]
        #expect(Self.codes(FailedActionsRule().evaluate(Self.facts(Self.failed, actions: .known([action])))) == ["failed_action"])
        #expect(FailedActionsRule().evaluate(Self.facts(Self.active)) == .passed("No action on the server failed."))

        let down: JSONValue = ["id": 7, "state": "down", "status": "enabled"]
        #expect(Self.codes(HostServiceRule().evaluate(Self.facts(Self.active, service: .known(down)))) == ["compute_service_down"])
        let disabled: JSONValue = ["id": 7, "state": "up", "status": "disabled", "disabled_reason": "maintenance"]
        #expect(Self.codes(HostServiceRule().evaluate(Self.facts(Self.active, service: .known(disabled)))) == ["compute_service_disabled"])
        let healthy: JSONValue = ["id": 7, "state": "up", "status": "enabled"]
        #expect(HostServiceRule().evaluate(Self.facts(Self.active, service: .known(healthy))) == .passed("nova-compute on compute-1 is up and enabled."))
        let memberView: JSONValue = ["id": "s1", "name": "web", "status": "ACTIVE"]
        guard case .unknown(let reason) = HostServiceRule().evaluate(Self.facts(memberView)) else {
            Issue.record("a member's view has no host: the check is unknown")
            return
        }
        #expect(reason.contains("admin role"))

        let failedBinding: JSONValue = ["id": "p1", "status": "DOWN", "binding:vif_type": "binding_failed", "binding:host_id": "compute-1"]
        #expect(Self.codes(PortBindingRule().evaluate(Self.facts(Self.active, ports: .known([failedBinding])))) == ["port_binding_failed", "port_down"])
        let bound: JSONValue = ["id": "p1", "status": "ACTIVE", "binding:vif_type": "ovs"]
        #expect(PortBindingRule().evaluate(Self.facts(Self.active, ports: .known([bound]))) == .passed("Its 1 port(s) are ACTIVE and bound."))

        let broken: JSONValue = ["id": "v1", "name": "data", "status": "error"]
        let detached: JSONValue = ["id": "v2", "name": "logs", "status": "available"]
        #expect(Self.codes(AttachedVolumesRule().evaluate(Self.facts(Self.active, volumes: .known([broken, detached])))) == ["volume_error", "volume_not_in_use"])
        #expect(AttachedVolumesRule().evaluate(Self.facts(Self.active)) == .notApplicable)
    }

    @Test func serverGroupPolicies() {
        func facts(_ policy: String, members: [String: String?], usable: Set<String>) -> InstanceFacts {
            var facts = Self.facts(Self.failed)
            let group: JSONValue = ["id": "g1", "name": "web-spread", "policy": .string(policy), "members": ["s2", "m1", "m2"]]
            facts.serverGroup = .known(ServerGroupFacts(group: group, memberHosts: members, usableHosts: usable))
            return facts
        }
        let full = facts("anti-affinity", members: ["m1": "compute-1", "m2": "compute-2"], usable: ["compute-1", "compute-2"])
        #expect(Self.codes(ServerGroupRule().evaluate(full)) == ["server_group_policy_unsatisfiable"])
        let room = facts("anti-affinity", members: ["m1": "compute-1", "m2": "compute-2"], usable: ["compute-1", "compute-2", "compute-3"])
        #expect(Self.codes(ServerGroupRule().evaluate(room)).isEmpty)
        let stuck = facts("affinity", members: ["m1": "compute-1", "m2": "compute-1"], usable: ["compute-2"])
        #expect(Self.codes(ServerGroupRule().evaluate(stuck)) == ["server_group_policy_unsatisfiable"])
        let fine = facts("affinity", members: ["m1": "compute-1"], usable: ["compute-1"])
        #expect(Self.codes(ServerGroupRule().evaluate(fine)).isEmpty)
        // Before 2.64 Nova names the policy in a list.
        var old = Self.facts(Self.failed)
        old.serverGroup = .known(ServerGroupFacts(group: ["id": "g", "policies": ["anti-affinity"], "members": []], memberHosts: ["m1": "c1"], usableHosts: ["c1"]))
        #expect(Self.codes(ServerGroupRule().evaluate(old)) == ["server_group_policy_unsatisfiable"])
        var none = Self.facts(Self.failed)
        none.serverGroup = .known(ServerGroupFacts(group: nil, memberHosts: [:], usableHosts: ["c1"]))
        #expect(ServerGroupRule().evaluate(none) == .passed("The server is in no server group."))
        #expect(ServerGroupRule().evaluate(Self.facts(Self.active)) == .notApplicable)
    }

    @Test func causesSortBeforeTheSymptomsTheyExplain() {
        var report = DiagnosisReport(subject: ("server", "s2", "gpu"))
        report.findings = [
            Finding(severity: .error, code: "server_error", summary: "", evidence: [], nextStep: "", isSymptom: true),
            Finding(severity: .info, code: "later", summary: "", evidence: [], nextStep: ""),
            Finding(severity: .error, code: "no_host_with_trait", summary: "", evidence: [], nextStep: ""),
        ]
        #expect(report.ordered.map(\.code) == ["no_host_with_trait", "server_error", "later"])
    }
}
