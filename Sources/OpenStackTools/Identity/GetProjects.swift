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
