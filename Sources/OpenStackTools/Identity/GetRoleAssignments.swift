import Foundation
import OpenStackKit

/// `get_role_assignments`: who holds which role where, from Keystone (admin). Keystone does not
/// page this list, so it is read in one request and cut here; filters go to Keystone.
enum GetRoleAssignments {
    static let name = "get_role_assignments"

    static var definition: ToolDefinition {
        var properties = Schema.listProperties(noun: "role, user, group or project name")
        properties["user"] = Schema.string("Only assignments of this user (ID or name).")
        properties["project"] = Schema.string("Only assignments on this project (ID or name).")
        properties["role"] = Schema.string("Only assignments of this role (ID or name, e.g. admin).")
        properties["include_names"] = Schema.boolean("Show names next to the IDs (Keystone's include_names).", default: true)
        let tool = ToolDefinition(
            name: name, title: "List role assignments",
            description:
                "List role assignments (admin): who holds which role on which project, domain or system, with names.",
            inputSchema: Schema.object(properties), outputSchema: Schema.listOutput
        ) { context, arguments in
            return try await run(context: context, arguments: arguments)
        }
        return IdentityPolicy.explainingForbidden(tool, action: "list_role_assignments", reading: "Listing role assignments")
    }

    static func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        let limit = try arguments.int("limit", default: 100, range: 1...1000)
        let detail = try arguments.detailLevel()
        let filter = try arguments.string("filter")?.lowercased()
        let marker = try arguments.string("cursor").map { try Cursor.decode($0, tool: name) }
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        let includeNames = try arguments.bool("include_names", default: true)

        let (userArgument, projectArgument, roleArgument) =
            (try arguments.string("user"), try arguments.string("project"), try arguments.string("role"))
        async let user = resolve(userArgument, argument: "user", collection: "users", cloud: cloud)
        async let project = resolve(projectArgument, argument: "project", collection: "projects", cloud: cloud)
        async let role = resolve(roleArgument, argument: "role", collection: "roles", cloud: cloud)
        var query: [URLQueryItem] = []
        if let user = try await user { query.append(URLQueryItem(name: "user.id", value: user)) }
        if let project = try await project { query.append(URLQueryItem(name: "scope.project.id", value: project)) }
        if let role = try await role { query.append(URLQueryItem(name: "role.id", value: role)) }
        if includeNames { query.append(URLQueryItem(name: "include_names", value: "true")) }

        let response = try await cloud.get(.identity, path: "/role_assignments", query: query)
        var assignments = try RoleAssignment.list(from: response.json)
        if let marker, let index = assignments.firstIndex(where: { $0.key == marker }) { assignments.removeSubrange(...index) }
        if let filter {
            assignments = assignments.filter { assignment in
                [assignment.role, assignment.user, assignment.group, assignment.project, assignment.domain].contains { reference in
                    guard let reference else { return false }
                    return reference.id.lowercased().contains(filter) || (reference.name?.lowercased().contains(filter) ?? false)
                }
            }
        }
        let page = Array(assignments.prefix(limit))
        let items = page.map { row($0, detail) }
        let (kept, truncated, shortened) = ListOutput.capped(items, maxBytes: context.settings.maxResultBytes)
        let next = truncated || assignments.count > limit ? page[kept.count - 1].key : nil
        return ListOutput.result(
            items: kept, nextCursor: next.map { Cursor.encode(tool: name, marker: $0) }, truncated: truncated,
            cloud: cloud.name, region: await cloud.effectiveRegion(), notes: shortened)
    }

    /// The CLI's `role assignment list --names` columns; detailed adds the IDs.
    static func row(_ assignment: RoleAssignment, _ detail: DetailLevel) -> JSONValue {
        if detail == .full { return Redactor.redact(assignment.raw) }
        func label(_ reference: RoleAssignment.Reference?) -> JSONValue? {
            guard let reference else { return nil }
            guard let name = reference.name else { return .string(reference.id) }
            return .string(reference.domainName.map { "\(name)@\($0)" } ?? name)
        }
        var item: [String: JSONValue] = .compact([
            ("role", label(assignment.role)), ("user", label(assignment.user)), ("group", label(assignment.group)),
            ("project", label(assignment.project)), ("domain", label(assignment.domain)),
            ("system", assignment.system ? .string("all") : nil), ("inherited", .bool(assignment.inherited)),
        ])
        if detail == .detailed {
            item.merge(.compact([
                ("role_id", .string(assignment.role.id)), ("user_id", (assignment.user?.id).json),
                ("group_id", (assignment.group?.id).json), ("project_id", (assignment.project?.id).json),
                ("domain_id", (assignment.domain?.id).json),
            ])) { _, new in new }
        }
        return Redactor.redact(.object(item))
    }

    /// An ID for a user, project or role given by ID or name: one `?name=` request, unless the
    /// value already looks like a Keystone ID. An unknown name passes through as an ID.
    static func resolve(_ value: String?, argument: String, collection: String, cloud: OpenStackCloud) async throws -> String? {
        guard let value else { return nil }
        if value.count == 32, value.allSatisfy(\.isHexDigit) { return value }
        let response = try await cloud.get(.identity, path: "/\(collection)", query: [URLQueryItem(name: "name", value: value)])
        let ids = (response.json[collection]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        if ids.count > 1 {
            throw ToolArgumentError(
                argument: argument, problem: "\(ids.count) \(collection) are named '\(value)' (in different domains); pass one of their IDs: \(ids.joined(separator: ", "))")
        }
        return ids.first ?? value
    }
}
