import Foundation
import OpenStackKit

/// `get_projects`: Keystone projects (admin), paged with limit and marker.
enum GetProjects {
    static var definition: ToolDefinition {
        let tool = ListTool<Project>(
            name: "get_projects", title: "List projects",
            description:
                "List Keystone projects (admin): domain, enabled, parent.",
            noun: "project",
            extraProperties: [
                "domain_id": Schema.string("Only projects in this domain (ID, e.g. default)."),
                "enabled": ["type": "boolean"],
                "parent_id": Schema.string("Only direct children of this project or domain."),
            ],
            request: { arguments in
                var query = try IdentityQuery.passing(arguments, ["domain_id", "parent_id"])
                query += try IdentityQuery.flag(arguments, "enabled")
                return ListRequest(service: .identity, path: "/projects", collectionKey: "projects", query: query)
            },
            searchFields: { [$0.name] },
            basic: { project, _ in .compact([("id", .string(project.id)), ("name", project.name.json)]) },
            detailed: { project, _ in
                .compact([
                    ("domain_id", project.domainID.json), ("description", project.description.json),
                    ("enabled", project.enabled.json), ("parent_id", project.parentID.json),
                    ("is_domain", project.isDomain.json), ("tags", .array(project.tags.map(JSONValue.string))),
                ])
            }
        )
        return IdentityPolicy.explainingForbidden(tool.definition, action: "list_projects", reading: "Listing projects")
    }
}

/// Query pieces the Keystone list tools share.
enum IdentityQuery {
    static func passing(_ arguments: ToolArguments, _ names: [String]) throws -> [URLQueryItem] {
        try names.compactMap { name in try arguments.string(name).map { URLQueryItem(name: name, value: $0) } }
    }

    /// A boolean filter, only when given.
    static func flag(_ arguments: ToolArguments, _ name: String) throws -> [URLQueryItem] {
        guard arguments.values[name] != nil else { return [] }
        return [URLQueryItem(name: name, value: try arguments.bool(name, default: true) ? "true" : "false")]
    }
}
