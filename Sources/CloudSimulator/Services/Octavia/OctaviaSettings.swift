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
            return .json(["quotas": .array(visible.keys.sorted().map { Self.rendered(project: $0, visible[$0]!, defaults: false) }), "quotas_links": []])
        case let quota where quota.count == 3 && quota[0] == "lbaas" && quota[1] == "quotas":
            guard request.isAdmin || quota[2] == request.projectID else {
                return error(403, "Policy does not allow this request to be performed.", request)
            }
            let set = environment.data.extras.octaviaQuotas[quota[2]] ?? [:]
            return .json(["quota": Self.rendered(project: quota[2], set, defaults: true)])
        default:
            return nil
        }
    }

    /// A quota as Octavia 19 writes it: each kind, the older spellings beside the new ones, and
    /// the project twice; `defaults` fills the kinds not set with -1 (unlimited), as a show does.
    static func rendered(project: String, _ set: JSON, defaults: Bool) -> JSON {
        func value(_ kind: String) -> JSON {
            let given = set[kind] ?? .null
            return given == .null && defaults ? .int(-1) : given
        }
        let members: [(String, JSON)] = [
            ("project_id", .string(project)), ("loadbalancer", value("loadbalancer")), ("load_balancer", value("loadbalancer")),
            ("listener", value("listener")), ("member", value("member")), ("pool", value("pool")),
            ("healthmonitor", value("healthmonitor")), ("health_monitor", value("healthmonitor")),
            ("l7policy", value("l7policy")), ("l7rule", value("l7rule")), ("tenant_id", .string(project)),
        ]
        return .object(members.map { JSONMember(key: $0.0, value: $0.1) })
    }
}
