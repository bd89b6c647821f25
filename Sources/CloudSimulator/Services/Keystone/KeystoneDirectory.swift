import Foundation

/// Projects, users, domains, regions, roles and role assignments, with Keystone's policy
/// (admin only, except one's own project, user and domain, and the regions) and its paging.
extension KeystoneAPI {
    /// Routes under `/v3` for the directory; nil for other paths.
    func routeDirectory(_ request: IncomingRequest, _ path: [String]) -> Reply? {
        guard path.first == "v3", path.count == 2 || path.count == 3 else { return nil }
        let collection = path[1], id = path.count == 3 ? path[2] : nil
        let data = environment.data
        switch collection {
        case "projects":
            if let id {
                guard let project = data.projects.first(where: { $0.id == id }) else { return notFound("project", id, request) }
                guard request.isAdmin || project.id == request.projectID else { return forbidden("get_project", request) }
                return .json(["project": projectJSON(project, request)])
            }
            guard request.isAdmin else { return forbidden("list_projects", request) }
            let query = request.query
            let parent = query.first("parent_id")
            let projects = data.projects.filter { project in
                matches(query, "name", project.name) && matches(query, "domain_id", project.domainID)
                    && matchesFlag(query, "enabled", project.enabled) && (parent == nil || parent == project.domainID)
                    && !(query.first("is_domain").map { ["true", "1"].contains($0.lowercased()) } ?? false)
            }
            return paged(request, "projects", projects, id: \.id) { projectJSON($0, request) }
        case "users":
            if let id {
                guard let user = data.users.first(where: { $0.id == id }) else { return notFound("user", id, request) }
                guard request.isAdmin || user.id == request.token?.user.id else { return forbidden("get_user", request) }
                return .json(["user": userJSON(user, request)])
            }
            guard request.isAdmin else { return forbidden("list_users", request) }
            let query = request.query
            let users = data.users.filter {
                matches(query, "name", $0.name) && matches(query, "domain_id", $0.domainID) && matchesFlag(query, "enabled", $0.enabled)
            }
            return paged(request, "users", users, id: \.id) { userJSON($0, request) }
        case "domains":
            if let id {
                guard let domain = data.domains.first(where: { $0.id == id }) else { return notFound("domain", id, request) }
                guard request.isAdmin || domain.id == DemoCloud.domainID else { return forbidden("get_domain", request) }
                return .json(["domain": domainJSON(domain, request)])
            }
            guard request.isAdmin else { return forbidden("list_domains", request) }
            let domains = data.domains.filter { matches(request.query, "name", $0.name) && matchesFlag(request.query, "enabled", $0.enabled) }
            return paged(request, "domains", domains, id: \.id) { domainJSON($0, request) }
        case "regions":
            // Any authenticated user may read the regions.
            if let id {
                guard let region = data.regions.first(where: { $0.id == id }) else { return notFound("region", id, request) }
                return .json(["region": regionJSON(region, request)])
            }
            let regions = data.regions.filter { matches(request.query, "parent_region_id", $0.parentRegionID) }
            return .json(["regions": .array(regions.map { regionJSON($0, request) }), "links": listLinks(request)])
        case "roles" where id == nil:
            guard request.isAdmin else { return forbidden("list_roles", request) }
            // Without domain_id Keystone lists the global roles; the demo has no domain-specific ones.
            let roles = data.listedRoles.filter { matches(request.query, "name", $0.name) && !request.query.has("domain_id") }
            return .json(["roles": .array(roles.map { roleJSON($0, request) }), "links": listLinks(request)])
        case "role_assignments" where id == nil:
            guard request.isAdmin else { return forbidden("list_role_assignments", request) }
            return listRoleAssignments(request)
        default:
            return nil
        }
    }

    func notFound(_ kind: String, _ id: String, _ request: IncomingRequest) -> Reply {
        error(404, "Could not find \(kind): \(id).", request)
    }

    /// Exact-match filter: absent in the query, or equal.
    func matches(_ query: QueryString, _ name: String, _ value: String?) -> Bool {
        guard let wanted = query.first(name) else { return true }
        return wanted == value
    }

    private func matchesFlag(_ query: QueryString, _ name: String, _ value: Bool) -> Bool {
        guard let wanted = query.first(name)?.lowercased() else { return true }
        return ["true", "1", "yes"].contains(wanted) == value
    }

    /// Keystone paging: `limit` + `marker`; `links.next` only when the page is full.
    private func paged<Item>(
        _ request: IncomingRequest, _ collection: String, _ items: [Item], id: (Item) -> String, render: (Item) -> JSON
    ) -> Reply {
        var start = 0
        if let marker = request.query.first("marker") {
            guard let index = items.firstIndex(where: { id($0) == marker }) else {
                return error(400, "Invalid marker: \(marker).", request)
            }
            start = index + 1
        }
        var limit = items.count
        if let text = request.query.first("limit") {
            guard let value = Int(text), value > 0 else { return error(400, "Invalid limit value: \(text).", request) }
            limit = min(value, 1000)
        }
        let page = Array(items[start...].prefix(limit))
        var links = listLinks(request)
        if request.query.has("limit"), let last = page.last, page.count == limit {
            links.set("next", .string(request.link(replacing: [("marker", id(last))])))
        }
        return .json(.object([
            JSONMember(key: collection, value: .array(page.map(render))), JSONMember(key: "links", value: links),
        ]))
    }

    private func selfLink(_ request: IncomingRequest, _ path: String) -> JSON {
        ["self": .string(request.baseURL + "/identity/v3/" + path)]
    }

    func projectJSON(_ project: DemoProject, _ request: IncomingRequest) -> JSON {
        [
            "is_domain": false, "description": .string(project.description), "domain_id": .string(project.domainID),
            "enabled": .bool(project.enabled), "id": .string(project.id), "links": selfLink(request, "projects/" + project.id),
            "name": .string(project.name), "parent_id": .string(project.domainID), "tags": [], "options": [:],
        ]
    }

    func userJSON(_ user: DemoUser, _ request: IncomingRequest) -> JSON {
        [
            "default_project_id": .str(environment.data.defaultProject(of: user)?.id), "domain_id": .string(user.domainID),
            "email": .string(user.email), "enabled": .bool(user.enabled), "id": .string(user.id),
            "links": selfLink(request, "users/" + user.id), "name": .string(user.name), "options": [:],
            "password_expires_at": nil,
        ]
    }

    private func domainJSON(_ domain: DemoDomain, _ request: IncomingRequest) -> JSON {
        [
            "description": .string(domain.description), "enabled": .bool(domain.enabled), "id": .string(domain.id),
            "links": selfLink(request, "domains/" + domain.id), "name": .string(domain.name), "options": [:], "tags": [],
        ]
    }

    private func regionJSON(_ region: DemoRegion, _ request: IncomingRequest) -> JSON {
        [
            "description": .string(region.description), "id": .string(region.id),
            "links": selfLink(request, "regions/" + region.id), "parent_region_id": .str(region.parentRegionID),
        ]
    }

    func roleJSON(_ role: DemoRole, _ request: IncomingRequest) -> JSON {
        let about = environment.data.roleDescription(role.name)
        return [
            "description": .str(about.description), "domain_id": nil, "id": .string(role.id),
            "links": selfLink(request, "roles/" + role.id), "name": .string(role.name),
            "options": about.immutable ? ["immutable": true] : [:],
        ]
    }
}
