import Foundation

/// `GET /v2.0/quotas` (admin: projects with non-default limits), `/quotas/{project}`,
/// `/quotas/{project}/default` and `/quotas/{project}/details(.json)` (used/limit/reserved).
/// A non-admin may read only its own project's quotas.
extension NeutronAPI {
    private static let quotaOrder = [
        "floatingip", "network", "port", "rbac_policy", "router", "security_group", "security_group_rule", "subnet",
        "subnetpool",
    ]

    func quotas(_ request: IncomingRequest, _ rest: [String]) -> Reply {
        let data = environment.data
        guard let rawProject = rest.first else {
            guard request.isAdmin else { return forbidden("get_quota") }
            let defaults = DemoDataGenerator.defaultNetworkQuotas
            let changed = data.networkQuotas.filter { $0.limits != defaults }.map { quota -> JSON in
                var body = Self.limits(quota.limits)
                body.set("project_id", .string(quota.projectID))
                body.set("tenant_id", .string(quota.projectID))
                return body
            }
            return .json(["quotas": .array(changed)])
        }
        let project = rawProject.hasSuffix(".json") ? String(rawProject.dropLast(5)) : rawProject
        guard request.isAdmin || project == request.projectID else { return forbidden("get_quota") }
        // Neutron answers for any project id, with the defaults when nothing was set.
        let limits = data.networkQuotas.first { $0.projectID == project }?.limits ?? DemoDataGenerator.defaultNetworkQuotas
        switch rest.count == 2 ? rest[1].replacingOccurrences(of: ".json", with: "") : nil {
        case nil where rest.count == 1:
            return .json(["quota": Self.limits(limits)])
        case "default":
            return .json(["quota": Self.limits(DemoDataGenerator.defaultNetworkQuotas)])
        case "details":
            let usage = DemoNeutronUsage(networks: data.networks, subnets: data.subnets, neutron: data.neutron).usage(of: project)
            let members = Self.quotaOrder.map { resource in
                JSONMember(key: resource, value: [
                    "used": .int(usage[resource] ?? 0), "limit": .int(limits[resource] ?? -1), "reserved": 0,
                ])
            }
            return .json(["quota": .object(members)])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    private static func limits(_ limits: [String: Int]) -> JSON {
        .object(quotaOrder.map { JSONMember(key: $0, value: .int(limits[$0] ?? -1)) })
    }

    private func forbidden(_ rule: String) -> Reply {
        .json(Self.error(type: "PolicyNotAuthorized", message: "rule:\(rule) is disallowed by policy"), status: 403)
    }
}
