import Foundation
import OpenStackKit

/// `get_group_types`: what Cinder's volume groups can be made with.
enum GetGroupTypes {
    static var definition: ToolDefinition {
        CinderMicroversionGate.requiring(
            GroupType.microversion, what: "group types", path: "/group_types", nextStep: "this Cinder has no generic volume groups",
            ListTool<GroupType>(
                name: "get_group_types", title: "List volume group types",
                description: "List Cinder group types (3.11+): public flag, description, group specs (admin).",
                noun: "group type",
                searchFields: { [$0.name, $0.description] },
                basic: { type, _ in
                    .compact([
                        ("id", .string(type.id)), ("name", type.name.json), ("is_public", type.isPublic.json),
                        ("group_specs", .object(type.groupSpecs.mapValues(JSONValue.string))),
                    ])
                },
                detailed: { type, _ in .compact([("description", type.description.json)]) }
            ).definition)
    }
}
