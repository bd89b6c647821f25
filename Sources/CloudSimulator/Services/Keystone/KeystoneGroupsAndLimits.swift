import Foundation

/// Groups and their users, the caller's application credentials and unified limits, with
/// Keystone's default policy: groups are admin only, a user reads their own application
/// credentials, anyone reads registered limits and a project's users read that project's limits.
/// Keystone answers each of these lists whole (no `limit` and `marker` paging).
extension KeystoneAPI {
    /// Routes for these collections under `/v3`; nil for other paths.
    func routeGroupsAndLimits(_ request: IncomingRequest, _ path: [String]) -> Reply? {
        guard path.first == "v3", path.count >= 2 else { return nil }
        let data = environment.data
        switch Array(path.dropFirst()) {
        case ["groups"]:
            guard request.isAdmin else { return forbidden("list_groups", request) }
            let groups = data.groups.filter {
                matches(request.query, "name", $0.name) && matches(request.query, "domain_id", DemoCloud.domainID)
            }
            return .json(["groups": .array(groups.map { groupJSON($0, request) }), "links": listLinks(request)])
        case let rest where rest.count == 2 && rest[0] == "groups":
            guard request.isAdmin else { return forbidden("get_group", request) }
            guard let group = data.groups.first(where: { $0.id == rest[1] }) else { return notFound("group", rest[1], request) }
            return .json(["group": groupJSON(group, request)])
        case let rest where rest.count == 3 && rest[0] == "groups" && rest[2] == "users":
            guard request.isAdmin else { return forbidden("list_users_in_group", request) }
            guard let group = data.groups.first(where: { $0.id == rest[1] }) else { return notFound("group", rest[1], request) }
            let users = data.users.filter { group.members.contains($0.name) }
            return .json(["users": .array(users.map { userJSON($0, request) }), "links": listLinks(request)])
        case let rest where rest.count == 3 && rest[0] == "users" && rest[2] == "application_credentials":
            guard request.isAdmin || rest[1] == request.token?.user.id else {
                return forbidden("list_application_credentials", request)
            }
            guard data.users.contains(where: { $0.id == rest[1] }) else { return notFound("user", rest[1], request) }
            let credentials = data.applicationCredentials.filter {
                $0.userID == rest[1] && matches(request.query, "name", $0.name)
            }
            return .json([
                "application_credentials": .array(credentials.map { credentialJSON($0, request) }), "links": listLinks(request),
            ])
        case ["limits", "model"]:
            return .json([
                "model": [
                    "name": "flat",
                    "description": "Limit enforcement and validation does not take project hierarchy into consideration.",
                ]
            ])
        case ["limits"]:
            return .json(["limits": .array(visibleLimits(request).map { limitJSON($0, request) }), "links": listLinks(request)])
        case let rest where rest.count == 2 && rest[0] == "limits":
            guard let limit = data.projectLimits.first(where: { $0.id == rest[1] }) else { return notFound("limit", rest[1], request) }
            guard visibleLimits(request).contains(limit) else { return forbidden("get_limit", request) }
            return .json(["limit": limitJSON(limit, request)])
        case ["registered_limits"]:
            let limits = data.registeredLimits.filter { matchesLimit(request.query, $0) }
            return .json(["registered_limits": .array(limits.map { limitJSON($0, request) }), "links": listLinks(request)])
        case let rest where rest.count == 2 && rest[0] == "registered_limits":
            guard let limit = data.registeredLimits.first(where: { $0.id == rest[1] }) else {
                return notFound("registered limit", rest[1], request)
            }
            return .json(["registered_limit": limitJSON(limit, request)])
        default:
            return nil
        }
    }

    /// The project limits this token may see, filtered: every limit for an admin or a system
    /// token, else only the token's project's (Keystone adds that filter itself).
    private func visibleLimits(_ request: IncomingRequest) -> [DemoUnifiedLimit] {
        let data = environment.data
        let superuser = request.isAdmin || request.token?.scope == .system
        return data.projectLimits.filter { limit in
            let projectID = limit.projectName.flatMap { data.project(named: $0)?.id }
            return matchesLimit(request.query, limit) && matches(request.query, "project_id", projectID)
                && (superuser || (projectID != nil && projectID == request.token?.project?.id))
                && !request.query.has("domain_id")
        }
    }

    private func matchesLimit(_ query: QueryString, _ limit: DemoUnifiedLimit) -> Bool {
        matches(query, "service_id", serviceID(limit.serviceType)) && matches(query, "region_id", limit.regionID)
            && matches(query, "resource_name", limit.resourceName)
    }

    private func serviceID(_ type: String) -> String? {
        environment.data.identityServices.first { $0.type == type }?.id
    }

    private func groupJSON(_ group: DemoGroup, _ request: IncomingRequest) -> JSON {
        [
            "description": .string(group.description), "domain_id": .string(DemoCloud.domainID), "id": .string(group.id),
            "links": ["self": .string(request.baseURL + "/identity/v3/groups/" + group.id)], "name": .string(group.name),
        ]
    }

    /// Never the secret: Keystone shows it only in the answer that creates the credential.
    private func credentialJSON(_ credential: DemoApplicationCredential, _ request: IncomingRequest) -> JSON {
        let roles = credential.roles.compactMap { name in environment.data.roles.first { $0.name == name } }
        let rules = credential.accessRules.map { rule -> JSON in
            [
                "id": .string(environment.data.stableID("rule:\(credential.id):\(rule.path)")), "service": .string(rule.service),
                "method": .string(rule.method), "path": .string(rule.path),
            ]
        }
        return [
            "description": .str(credential.description),
            "roles": .array(roles.map { ["id": .string($0.id), "domain_id": nil, "name": .string($0.name)] }),
            "access_rules": .array(rules),
            "links": [
                "self": .string(
                    request.baseURL + "/identity/v3/users/\(credential.userID)/application_credentials/\(credential.id)")
            ],
            "expires_at": .str(credential.expiresAt), "unrestricted": false, "project_id": .string(credential.projectID),
            "id": .string(credential.id), "name": .string(credential.name),
        ]
    }

    private func limitJSON(_ limit: DemoUnifiedLimit, _ request: IncomingRequest) -> JSON {
        let registered = limit.projectName == nil
        let collection = registered ? "registered_limits" : "limits"
        var json: JSON = [
            "resource_name": .string(limit.resourceName), "region_id": .str(limit.regionID),
            "links": ["self": .string(request.baseURL + "/identity/v3/\(collection)/" + limit.id)],
            "service_id": .str(serviceID(limit.serviceType)), "id": .string(limit.id), "description": .str(limit.description),
        ]
        if registered {
            json.set("default_limit", .int(limit.limit))
        } else {
            json.set("project_id", .str(limit.projectName.flatMap { environment.data.project(named: $0)?.id }))
            json.set("domain_id", nil)
            json.set("resource_limit", .int(limit.limit))
        }
        return json
    }
}
