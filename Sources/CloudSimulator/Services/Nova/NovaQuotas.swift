import Foundation

/// `GET /limits` and `os-quota-sets`: limits from the project's quota, use counted from its servers.
extension NovaAPI {
    /// The project a quota read is about: the caller's own, or (admins only) another.
    private func quotaProject(_ requested: String?, _ request: IncomingRequest, rule: String) -> Parsed<String> {
        guard let requested, requested != request.projectID else { return .value(request.projectID) }
        return request.isAdmin ? .value(requested) : .reply(policyForbidden(rule, request))
    }

    func showLimits(_ request: IncomingRequest, version: APIVersion) -> Reply {
        let project: String
        switch quotaProject(request.query.first("tenant_id"), request, rule: "os_compute_api:limits:other_project") {
        case .value(let value): project = value
        case .reply(let reply): return reply
        }
        let data = environment.data
        let quota = data.computeQuota(projectID: project)
        let used = data.computeQuotaUsage(projectID: project)
        var absolute: JSON = [:]
        if version < APIVersion(2, 57) { absolute.set("maxImageMeta", 128) }
        if version < APIVersion(2, 57) { absolute.set("maxPersonality", 5); absolute.set("maxPersonalitySize", 10_240) }
        if version < APIVersion(2, 36) { absolute.set("maxSecurityGroupRules", -1); absolute.set("maxSecurityGroups", -1) }
        absolute.set("maxServerMeta", .int(quota.metadataItems))
        absolute.set("maxTotalCores", .int(quota.cores))
        if version < APIVersion(2, 36) { absolute.set("maxTotalFloatingIps", -1) }
        absolute.set("maxTotalInstances", .int(quota.instances))
        absolute.set("maxTotalKeypairs", .int(quota.keyPairs))
        absolute.set("maxTotalRAMSize", .int(quota.ram))
        absolute.set("maxServerGroups", .int(quota.serverGroups))
        absolute.set("maxServerGroupMembers", .int(quota.serverGroupMembers))
        absolute.set("totalCoresUsed", .int(used["cores"] ?? 0))
        absolute.set("totalInstancesUsed", .int(used["instances"] ?? 0))
        absolute.set("totalRAMUsed", .int(used["ram"] ?? 0))
        if version < APIVersion(2, 36) { absolute.set("totalSecurityGroupsUsed", 0); absolute.set("totalFloatingIpsUsed", 0) }
        absolute.set("totalServerGroupsUsed", .int(used["server_groups"] ?? 0))
        return .json(["limits": ["absolute": absolute, "rate": []]])
    }

    /// `GET /os-quota-sets/{project_id}[/detail|/defaults]`.
    func showQuotaSet(_ request: IncomingRequest, project requested: String, variant: String?, version: APIVersion) -> Reply {
        guard variant == nil || variant == "detail" || variant == "defaults" else {
            return error(404, "The resource could not be found.", request)
        }
        let project: String
        switch quotaProject(requested, request, rule: "os_compute_api:os-quota-sets:show") {
        case .value(let value): project = value
        case .reply(let reply): return reply
        }
        let data = environment.data
        let defaults = variant == "defaults"
        let quota = defaults ? data.computeQuota(projectID: "") : data.computeQuota(projectID: project)
        let user = request.query.first("user_id")
        var used = data.computeQuotaUsage(projectID: project, userID: user)
        if user == nil { used["key_pairs"] = data.keypairs.filter { $0.userID == request.token?.user.id }.count }
        var limits: [(String, Int)] = [
            ("cores", quota.cores), ("instances", quota.instances), ("key_pairs", quota.keyPairs),
            ("metadata_items", quota.metadataItems), ("ram", quota.ram), ("server_groups", quota.serverGroups),
            ("server_group_members", quota.serverGroupMembers),
        ]
        if version < APIVersion(2, 57) {
            limits += [("injected_file_content_bytes", 10_240), ("injected_file_path_bytes", 255), ("injected_files", 5)]
        }
        if version < APIVersion(2, 36) {
            limits += [("fixed_ips", -1), ("floating_ips", -1), ("security_group_rules", -1), ("security_groups", -1)]
        }
        var body: JSON = ["id": .string(project)]
        for (name, limit) in limits.sorted(by: { $0.0 < $1.0 }) {
            body.set(name, variant == "detail" ? ["in_use": .int(used[name] ?? 0), "limit": .int(limit), "reserved": 0] : .int(limit))
        }
        return .json(["quota_set": body])
    }
}
