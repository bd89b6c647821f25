import Foundation

/// What the diagnosis reads find, derived from the seeded data: the traits of the compute
/// providers, the migrations Nova recorded, and the user messages Cinder left on failed volumes.
extension DemoData {
    /// The traits the libvirt driver reports on every compute node.
    static let computeTraits = [
        "COMPUTE_DEVICE_TAGGING", "COMPUTE_IMAGE_TYPE_QCOW2", "COMPUTE_IMAGE_TYPE_RAW", "COMPUTE_NET_ATTACH_INTERFACE",
        "COMPUTE_NET_VIF_MODEL_VIRTIO", "COMPUTE_NODE", "COMPUTE_STORAGE_BUS_VIRTIO", "COMPUTE_TRUSTED_CERTS",
        "COMPUTE_VOLUME_ATTACH", "COMPUTE_VOLUME_EXTEND", "COMPUTE_VOLUME_MULTI_ATTACH", "HW_CPU_X86_AESNI",
        "HW_CPU_X86_AVX", "HW_CPU_X86_AVX2", "HW_CPU_X86_SSE42", "HW_CPU_X86_VMX",
    ]

    /// Traits an operator set on the hosts of an aggregate, by aggregate name.
    static let aggregateTraits = ["ssd-hosts": ["STORAGE_DISK_SSD"], "gpu-hosts": ["CUSTOM_GPU_HOST"]]

    /// Traits that exist in Placement without any provider holding them (the diagnosis scenario's).
    static let unusedTraits = ["COMPUTE_ACCELERATORS", "HW_GPU_API_CUDA_V11_0", DiagnosisScenarios.missingTrait]

    /// A compute node's traits: the driver's, its aggregates', and `COMPUTE_STATUS_DISABLED` on a
    /// disabled node, as Nova sets it.
    public func traits(of host: DemoHypervisorHost) -> [String] {
        var traits = Set(Self.computeTraits)
        for aggregate in aggregates(ofHost: host.name) { traits.formUnion(Self.aggregateTraits[aggregate.name] ?? []) }
        if host.status == "disabled" { traits.insert("COMPUTE_STATUS_DISABLED") }
        return traits.sorted()
    }

    /// Every trait Placement knows (`GET /traits`), sorted.
    public var placementTraits: [String] {
        var all = Set(Self.unusedTraits + ["COMPUTE_STATUS_DISABLED"])
        for host in hypervisorHosts { all.formUnion(traits(of: host)) }
        for names in Self.aggregateTraits.values { all.formUnion(names) }
        return all.sorted()
    }

    /// The migrations Nova recorded, newest first: a live migration, a resize, a cold migration
    /// and an evacuation that brought running servers to their hosts, and a live migration that
    /// failed and left its server where it was.
    public var migrations: [DemoMigration] {
        let placed = servers.filter { $0.status == "ACTIVE" && $0.host != nil && Int($0.flavorID) != nil }
        let names = hypervisorHosts.map(\.name)
        guard names.count > 1 else { return [] }
        let kinds: [(type: String, status: String, toHost: Bool)] = [
            ("live-migration", "completed", true), ("resize", "confirmed", true), ("migration", "confirmed", true),
            ("evacuation", "done", true), ("live-migration", "error", false),
        ]
        var records: [DemoMigration] = []
        for (index, kind) in kinds.enumerated() where index < placed.count {
            let server = placed[index]
            let here = server.host!
            let other = names[(names.firstIndex(of: here)! + 1 + index % (names.count - 1)) % names.count]
            let (source, destination) = kind.toHost ? (other, here) : (here, other)
            let created = server.created.addingTimeInterval(Double(3_600 * (index + 2)))
            let flavor = Int(server.flavorID)!
            records.append(
                DemoMigration(
                    id: index + 1, uuid: derivedUUID("migration:\(server.id):\(index)"), instanceUUID: server.id,
                    sourceCompute: source, destCompute: destination,
                    destHost: hypervisorHosts.first { $0.name == destination }!.hostIP, status: kind.status,
                    migrationType: kind.type, oldFlavor: kind.type == "resize" ? max(1, flavor - 1) : flavor, newFlavor: flavor,
                    projectID: server.projectID, userID: server.userID, createdAt: created,
                    updatedAt: created.addingTimeInterval(kind.status == "error" ? 95 : 160)))
        }
        return records.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// Cinder's user messages, newest first: one for each volume in `error`. A volume without a
    /// host never reached a backend (the scheduler found none); one with a host failed in its driver.
    public var volumeMessages: [DemoVolumeMessage] {
        volumes.filter { $0.status == "error" }.map { volume in
            let unplaced = volume.host.isEmpty
            let created = volume.createdAt.addingTimeInterval(2)
            return DemoVolumeMessage(
                id: derivedUUID("message:\(volume.id)"), requestID: "req-" + derivedUUID("message-request:\(volume.id)"),
                projectID: volume.projectID, resourceType: "VOLUME", resourceUUID: volume.id,
                eventID: unplaced ? "VOLUME_VOLUME_001_003" : "VOLUME_VOLUME_008_012", messageLevel: "ERROR",
                userMessage: unplaced
                    ? "schedule allocate volume: Could not find any available weighted backend."
                    : "create volume from backend storage: Driver failed to create the volume.",
                createdAt: created, expiresAt: created.addingTimeInterval(2_592_000))
        }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }
}

/// A migration of a server between compute hosts (`os-migrations`).
public struct DemoMigration: Sendable, Equatable {
    public let id: Int
    public let uuid: String
    public let instanceUUID: String
    public let sourceCompute: String
    public let destCompute: String
    public let destHost: String
    /// `completed`, `confirmed`, `done`, `error`, ...
    public let status: String
    /// `live-migration`, `resize`, `migration` or `evacuation`.
    public let migrationType: String
    public let oldFlavor: Int
    public let newFlavor: Int
    public let projectID: String
    public let userID: String
    public let createdAt: Date
    public let updatedAt: Date
}

/// A Cinder user message (`/v3/{project_id}/messages`).
public struct DemoVolumeMessage: Sendable, Equatable {
    public let id: String
    public let requestID: String
    public let projectID: String
    public let resourceType: String
    public let resourceUUID: String
    /// `VOLUME_<resource>_<action>_<detail>`, e.g. `VOLUME_VOLUME_001_003`.
    public let eventID: String
    public let messageLevel: String
    public let userMessage: String
    public let createdAt: Date
    /// Cinder's `expires_at`, shown as `guaranteed_until`.
    public let expiresAt: Date
}
