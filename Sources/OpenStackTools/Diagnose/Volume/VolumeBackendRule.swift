import OpenStackKit

/// The backend the volume's type pins (`volume_backend_name`) against the pools the scheduler
/// knows, and their free capacity: a type that names no existing backend can never be placed.
struct VolumeBackendRule: DiagnosisRule {
    let check = "volume_backend"
    /// Free capacity below this share of a pool's total is low.
    static let lowFreeShare = 0.10

    func evaluate(_ facts: VolumeFacts) -> RuleOutcome {
        guard let pools = facts.pools.value else { return .unknown(facts.pools.reason ?? "") }
        let volume = facts.volume
        var backend: String?
        switch facts.volumeType {
        case .unknown(let reason): return .unknown(reason)
        case .known(let type):
            if let type {
                if type.extraSpecs.isEmpty && !facts.isAdmin {
                    return .unknown("the volume type's extra specs (volume_backend_name) are shown to the admin role only")
                }
                backend = type.backendName
                if let name = backend, !pools.contains(where: { $0.backendName == name }) {
                    return .found([missing(type: type, backend: name, pools: pools)])
                }
            }
        }
        // The pool that holds the volume, else every pool its type may use.
        let placed = pools.filter { $0.name == volume.host }
        let candidates = !placed.isEmpty ? placed : pools.filter { backend == nil || $0.backendName == backend }
        let size = Double(volume.size ?? 0)
        let low = candidates.filter { pool in
            guard let free = pool.freeCapacityGB, let total = pool.totalCapacityGB, total > 0 else { return false }
            return free < size || free < total * Self.lowFreeShare
        }
        let scope = backend.map { "backend \($0)" } ?? "any backend"
        guard low.isEmpty else {
            return .found([
                Finding(
                    severity: .warning, code: "pool_capacity_low",
                    summary: "\(low.count) of \(candidates.count) pool(s) for \(scope) have less free space than the volume's \(volume.size ?? 0) GiB or under 10%.",
                    evidence: low.map { pool in
                        Evidence("pool", id: nil, name: pool.name, field: "free_capacity_gb", value: .double(pool.freeCapacityGB ?? 0))
                    },
                    nextStep: "openstack volume backend pool list --long shows each pool's free and total capacity."),
            ])
        }
        return .passed("\(candidates.count) pool(s) serve \(scope), with enough free capacity.")
    }

    private func missing(type: VolumeType, backend: String, pools: [VolumePool]) -> Finding {
        let existing = Array(Set(pools.compactMap(\.backendName))).sorted()
        var evidence = [
            Evidence("volume_type", id: type.id, name: type.name, field: "extra_specs.volume_backend_name", value: .string(backend)),
        ]
        evidence += pools.map { Evidence("pool", id: nil, name: $0.name, field: "volume_backend_name", value: $0.backendName.map(JSONValue.string) ?? .null) }
        let names = existing.isEmpty ? "none" : existing.joined(separator: ", ")
        return Finding(
            severity: .error, code: "volume_backend_missing",
            summary: "Volume type \(type.name ?? type.id) asks for backend \(backend), which no pool has (backends: \(names)).",
            evidence: evidence,
            nextStep: "Compare openstack volume type show \(type.name ?? type.id) with openstack volume backend pool list --long; fix the type's volume_backend_name or the backend's configuration.")
    }
}
