import Foundation
import OpenStackKit

/// `get_share_types`: Manila share types and the backend capabilities they require.
enum GetShareTypes {
    static var definition: ToolDefinition {
        ListTool<ShareType>(
            name: "get_share_types", title: "List share types",
            description: "List Manila share types: visibility, required and optional extra specs.",
            noun: "share type",
            searchFields: { [$0.name] },
            basic: { type, _ in
                .compact([
                    ("id", .string(type.id)), ("name", type.name.json), ("is_public", type.isPublic.json),
                    ("required_extra_specs", .object(type.requiredExtraSpecs)),
                ])
            },
            detailed: { type, _ in
                .compact([
                    ("description", type.description.json), ("extra_specs", .object(type.extraSpecs)),
                ])
            }
        ).definition
    }
}
