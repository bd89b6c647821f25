import Foundation

/// Octavia's enabled providers and per-project quotas: the reads that are not collections of
/// project objects.
extension OctaviaAPI {
    /// The providers a default Octavia enables (its api-ref sample's two).
    static let providers: JSON = [
        "providers": [
            ["name": "amphora", "description": "The Octavia Amphora driver."],
            ["name": "octavia", "description": "Deprecated alias of the Octavia Amphora driver."],
        ],
    ]

    /// `lbaas/providers` and `lbaas/quotas[/{project}]`, or nil for the other paths.
    func settingsRoute(_ path: [String], _ request: IncomingRequest) -> Reply? {
        switch path {
        case ["lbaas", "providers"]:
            return .json(Self.providers)
        case ["lbaas", "quotas"]:
            // Admins see every project whose quota was set; others their own only.
            let asked = request.query.first("project_id")
            let visible = environment.data.extras.octaviaQuotas.filter { project, _ in
                (request.isAdmin || project == request.projectID) && (asked == nil || project == asked)
            }
            return .json(["quotas": .array(visible.keys.sorted().map { visible[$0]! }), "quotas_links": []])
        case let quota where quota.count == 3 && quota[0] == "lbaas" && quota[1] == "quotas":
            guard request.isAdmin || quota[2] == request.projectID else {
                return error(403, "Policy does not allow this request to be performed.", request)
            }
            return .json(["quota": effectiveQuota(quota[2])])
        default:
            return nil
        }
    }

    /// A project's quota with Octavia's defaults (-1, unlimited) where none was set.
    private func effectiveQuota(_ project: String) -> JSON {
        let set = environment.data.extras.octaviaQuotas[project]
        let kinds = ["loadbalancer", "listener", "member", "pool", "healthmonitor", "l7policy", "l7rule"]
        return .object(kinds.map { kind in
            let value = set?[kind] ?? .null
            return JSONMember(key: kind, value: value == .null ? .int(-1) : value)
        })
    }
}
