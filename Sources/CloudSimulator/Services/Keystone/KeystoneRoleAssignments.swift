import Foundation

/// `GET /v3/role_assignments`: filters `user.id`, `scope.project.id`, `role.id`,
/// `scope.domain.id`, `group.id`, and names with `include_names`. Keystone does not page it.
extension KeystoneAPI {
    func listRoleAssignments(_ request: IncomingRequest) -> Reply {
        let query = request.query
        let names = query.flag("include_names")
        // Every demo assignment is a user's role on a project: domain, group and system filters match none.
        let impossible = query.has("scope.domain.id") || query.has("group.id") || query.has("scope.system")
        let assignments = environment.data.userRoleAssignments.filter { assignment in
            !impossible
                && (query.first("user.id").map { $0 == assignment.user.id } ?? true)
                && (query.first("scope.project.id").map { $0 == assignment.project.id } ?? true)
                && (query.first("role.id").map { $0 == assignment.role.id } ?? true)
        }
        let domain: JSON = ["id": .string(DemoCloud.domainID), "name": .string(DemoCloud.domainName)]
        let items = assignments.map { assignment -> JSON in
            let base = request.baseURL + "/identity/v3"
            var role: JSON = ["id": .string(assignment.role.id)]
            var project: JSON = ["id": .string(assignment.project.id)]
            var user: JSON = ["id": .string(assignment.user.id)]
            if names {
                role.set("name", .string(assignment.role.name))
                project.set("domain", domain)
                project.set("name", .string(assignment.project.name))
                user.set("domain", domain)
                user.set("name", .string(assignment.user.name))
            }
            return [
                "links": [
                    "assignment": .string(
                        "\(base)/projects/\(assignment.project.id)/users/\(assignment.user.id)/roles/\(assignment.role.id)")
                ],
                "role": role, "scope": ["project": project], "user": user,
            ]
        }
        return .json(["role_assignments": .array(items), "links": listLinks(request)])
    }
}
