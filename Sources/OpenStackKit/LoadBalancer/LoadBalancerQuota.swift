import Foundation

/// One project's Octavia quota: the most objects of each kind it may have, -1 for unlimited
/// (`GET /v2/lbaas/quotas/{project_id}`, the defaults filled in). The admin's list
/// (`GET /v2/lbaas/quotas`) holds only the projects whose quota was set, with null for a default.
public struct LoadBalancerQuota: DeclaredResource {
    /// The kinds Octavia counts: the objects of a balancer first, then its monitors and L7 parts.
    public static let kinds = ["loadbalancer", "listener", "pool", "member", "healthmonitor", "l7policy", "l7rule"]

    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "quotas"), collectionKey: "quotas", singularKey: "quota",
        // Octavia's marker finds an object by its `id`, which quotas lack: the list is read whole.
        paging: .single, markerField: "project_id", nameFilter: nil)

    public let raw: JSONValue
    /// Absent from the answer for one project (the path names it).
    public let projectID: String?
    /// Each kind's limit; nil where the list leaves the default.
    public let limits: [String: Int?]

    public init(json: JSONValue) throws {
        guard json.objectValue != nil else { throw ModelError.missing(field: "quota", in: "LoadBalancerQuota") }
        raw = json
        projectID = json.text("project_id") ?? json.text("tenant_id")
        limits = Dictionary(uniqueKeysWithValues: Self.kinds.map { kind in
            // Octavia also sends the older spellings (`load_balancer`, `health_monitor`).
            let plural = ["loadbalancer": "load_balancer", "healthmonitor": "health_monitor"][kind]
            return (kind, json[kind]?.intValue ?? plural.flatMap { json[$0]?.intValue })
        })
    }
}
