import OpenStackKit
@testable import OpenStackTools
import Testing

/// The rules of `diagnose_volume`, each over hand-built facts: one case that finds, one that passes.
@Suite struct VolumeDiagnosisRuleTests {
    static let volumeID = "6e1c0a52-0b8f-4a5e-9d33-1d2f3e4a5b6c"
    static let serverID = "a1b2c3d4-0000-4000-8000-000000000001"

    static func volume(status: String = "in-use", type: String = "fast", host: String = "node1@lvm#lvm", size: Int = 10, attachedTo: [String] = []) throws -> Volume {
        try Volume(json: [
            "id": .string(volumeID), "name": "data", "status": .string(status), "size": .int(size), "volume_type": .string(type),
            "os-vol-host-attr:host": .string(host),
            "attachments": .array(attachedTo.map { ["server_id": .string($0), "attachment_id": "att-1", "device": "/dev/vdb"] }),
        ])
    }

    static func facts(
        _ volume: Volume, messages: Fact<[VolumeMessage]> = .known([]), backend: String? = "lvm", admin: Bool = true,
        pools: Fact<[VolumePool]>? = nil, services: Fact<[VolumeService]>? = nil, servers: [String: Fact<OpenStackKit.Server?>] = [:]
    ) throws -> VolumeFacts {
        let specs: JSONValue = backend.map { ["volume_backend_name": .string($0)] } ?? [:]
        let type = try VolumeType(json: ["id": "type-1", "name": "fast", "extra_specs": admin ? specs : [:]])
        let defaultPools = try [pool("node1@lvm#lvm", backend: "lvm", free: 500, total: 1000)]
        let defaultServices = try [service(host: "node1@lvm", state: "up", status: "enabled")]
        return VolumeFacts(
            volume: volume, messages: messages, volumeType: .known(type), isAdmin: admin,
            pools: pools ?? .known(defaultPools), services: services ?? .known(defaultServices), servers: servers)
    }

    static func pool(_ name: String, backend: String, free: Double, total: Double) throws -> VolumePool {
        try VolumePool(json: [
            "name": .string(name),
            "capabilities": ["volume_backend_name": .string(backend), "free_capacity_gb": .double(free), "total_capacity_gb": .double(total)],
        ])
    }

    static func service(host: String, state: String, status: String) throws -> VolumeService {
        try VolumeService(json: ["binary": "cinder-volume", "host": .string(host), "state": .string(state), "status": .string(status)])
    }

    static func server(volumes: [String]) throws -> OpenStackKit.Server {
        try OpenStackKit.Server(json: [
            "id": .string(serverID), "name": "app", "status": "ACTIVE",
            "os-extended-volumes:volumes_attached": .array(volumes.map { ["id": .string($0)] }),
        ])
    }

    static func codes(_ outcome: RuleOutcome) -> [String] {
        if case .found(let findings) = outcome { return findings.map(\.code) }
        return []
    }

    @Test func aTypeWhoseBackendNoPoolHasIsTheCause() throws {
        let missing = try Self.facts(Self.volume(status: "error", host: ""), backend: "fast-nvme")
        let outcome = VolumeBackendRule().evaluate(missing)
        #expect(Self.codes(outcome) == ["volume_backend_missing"])
        guard case .found(let findings) = outcome else { return }
        #expect(findings[0].severity == .error && findings[0].summary.contains("fast-nvme") && findings[0].summary.contains("lvm"))
        #expect(findings[0].evidence.first == Evidence("volume_type", id: "type-1", name: "fast", field: "extra_specs.volume_backend_name", value: "fast-nvme"))
        #expect(findings[0].evidence.contains { $0.type == "pool" && $0.value == "lvm" }, "the backends that exist")

        if case .passed = VolumeBackendRule().evaluate(try Self.facts(Self.volume())) {} else { Issue.record("an existing backend with room passes") }
    }

    @Test func aPoolWithLessFreeThanTheVolumeOrUnderTenPercentIsLow() throws {
        let small = try Self.facts(Self.volume(size: 100), pools: .known([Self.pool("node1@lvm#lvm", backend: "lvm", free: 50, total: 200)]))
        #expect(Self.codes(VolumeBackendRule().evaluate(small)) == ["pool_capacity_low"])
        let nearlyFull = try Self.facts(Self.volume(size: 1), pools: .known([Self.pool("node1@lvm#lvm", backend: "lvm", free: 90, total: 1000)]))
        #expect(Self.codes(VolumeBackendRule().evaluate(nearlyFull)) == ["pool_capacity_low"])
        let roomy = try Self.facts(Self.volume(size: 1), pools: .known([Self.pool("node1@lvm#lvm", backend: "lvm", free: 110, total: 1000)]))
        #expect(Self.codes(VolumeBackendRule().evaluate(roomy)).isEmpty)
    }

    @Test func withoutTheAdminRoleTheBackendIsUnknownAndSaysSo() throws {
        let member = try Self.facts(Self.volume(), admin: false, pools: .unknown("reading Cinder pools needs the admin role"))
        guard case .unknown(let reason) = VolumeBackendRule().evaluate(member) else { Issue.record("not unknown"); return }
        #expect(reason.contains("admin role"))
        let hiddenSpecs = try Self.facts(Self.volume(), admin: false)
        guard case .unknown(let why) = VolumeBackendRule().evaluate(hiddenSpecs) else { Issue.record("not unknown"); return }
        #expect(why.contains("admin role") && why.contains("volume_backend_name"))
    }

    @Test func theCinderVolumeServiceOfItsHostDownOrDisabled() throws {
        let down = try Self.facts(Self.volume(), services: .known([Self.service(host: "node1@lvm", state: "down", status: "enabled")]))
        #expect(Self.codes(VolumeServiceRule().evaluate(down)) == ["volume_service_down"])
        let disabled = try Self.facts(Self.volume(), services: .known([Self.service(host: "node1@lvm", state: "up", status: "disabled")]))
        #expect(Self.codes(VolumeServiceRule().evaluate(disabled)) == ["volume_service_disabled"])
        let otherHost = try Self.facts(Self.volume(), services: .known([Self.service(host: "node2@lvm", state: "up", status: "enabled")]))
        #expect(Self.codes(VolumeServiceRule().evaluate(otherHost)) == ["volume_service_down"], "no service for the volume's host")
        if case .passed = VolumeServiceRule().evaluate(try Self.facts(Self.volume())) {} else { Issue.record("up and enabled passes") }
        #expect(VolumeServiceRule().evaluate(try Self.facts(Self.volume(host: ""))) == .notApplicable, "an unscheduled volume has no service")
        guard case .unknown(let reason) = VolumeServiceRule().evaluate(try Self.facts(Self.volume(host: ""), admin: false)) else {
            Issue.record("a hidden host is unknown"); return
        }
        #expect(reason.contains("admin role"))
    }

    @Test func attachmentsThatNovaDoesNotShare() throws {
        let volume = try Self.volume(attachedTo: [Self.serverID])
        let agreed = try Self.facts(volume, servers: [Self.serverID: .known(Self.server(volumes: [Self.volumeID]))])
        if case .passed = VolumeAttachmentRule().evaluate(agreed) {} else { Issue.record("Nova lists it: passes") }
        let forgotten = try Self.facts(volume, servers: [Self.serverID: .known(Self.server(volumes: []))])
        #expect(Self.codes(VolumeAttachmentRule().evaluate(forgotten)) == ["attachment_mismatch"])
        let gone = try Self.facts(volume, servers: [Self.serverID: .known(nil)])
        #expect(Self.codes(VolumeAttachmentRule().evaluate(gone)) == ["attachment_mismatch"])
        let inUseAlone = try Self.facts(Self.volume(status: "in-use"))
        #expect(Self.codes(VolumeAttachmentRule().evaluate(inUseAlone)) == ["attachment_mismatch"], "in-use with no attachment")
    }

    @Test func anErrorStatusIsASymptomCarryingCindersMessages() throws {
        let text = "schedule allocate volume:Could not find any available weighted backend."
        let message = try VolumeMessage(json: [
            "id": "msg-1", "event_id": "VOLUME_VOLUME_001_003", "user_message": .string(text), "created_at": "2026-01-01T00:00:00Z",
            "resource_uuid": .string(Self.volumeID),
        ])
        let failed = try Self.facts(Self.volume(status: "error", host: ""), messages: .known([message]))
        guard case .found(let findings) = VolumeStatusRule().evaluate(failed) else { Issue.record("not found"); return }
        #expect(findings[0].code == "volume_error" && findings[0].isSymptom && findings[0].severity == .error)
        #expect(findings[0].evidence.contains { $0.type == "message" && $0.value == .string(text) })
        #expect(VolumeMessagesRule().evaluate(failed) == .notApplicable, "the messages are evidence of volume_error")
        if case .passed = VolumeStatusRule().evaluate(try Self.facts(Self.volume())) {} else { Issue.record("in-use passes") }

        let failedExtend = try Self.facts(Self.volume(status: "available"), messages: .known([message]))
        #expect(Self.codes(VolumeMessagesRule().evaluate(failedExtend)) == ["volume_error_message"])
        if case .passed = VolumeMessagesRule().evaluate(try Self.facts(Self.volume())) {} else { Issue.record("no messages passes") }
        if case .unknown = VolumeMessagesRule().evaluate(try Self.facts(Self.volume(), messages: .unknown("404"))) {} else { Issue.record("unread is unknown") }
    }

    @Test func theSpecificCauseSortsBeforeTheSymptom() throws {
        let facts = try Self.facts(Self.volume(status: "error", host: ""), backend: "fast-nvme")
        var report = DiagnosisReport(subject: ("volume", Self.volumeID, "data"))
        report.apply(DiagnoseVolume.rules, to: facts)
        #expect(report.ordered.map(\.code) == ["volume_backend_missing", "volume_error"])
    }
}
