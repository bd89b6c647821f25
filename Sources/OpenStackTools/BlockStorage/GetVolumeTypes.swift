import Foundation
import OpenStackKit

/// `get_volume_types`: Cinder volume types and the backends they pin.
enum GetVolumeTypes {
    static var definition: ToolDefinition {
        ListTool<VolumeType>(
            name: "get_volume_types", title: "List volume types",
            description:
                "List Cinder volume types: public flag, description, extra specs (admin).",
            noun: "volume type",
            extraProperties: [
                "visibility": Schema.enumeration(
                    ["public", "private", "all"], "Which types: public (the default), private or all (private and all need the admin role)."),
            ],
            request: { arguments in
                // Cinder's is_public: true = public only (its default), false = private only, None = both.
                let visibility = try arguments.choice("visibility", allowed: ["public", "private", "all"], default: "public")
                let value = ["public": "true", "private": "false", "all": "None"][visibility]!
                return ListRequest(
                    service: .blockStorage, path: "/types", collectionKey: "volume_types",
                    query: [URLQueryItem(name: "is_public", value: value)], supportsPaging: false)
            },
            searchFields: { [$0.name, $0.description] },
            basic: { type, _ in
                .compact([("id", .string(type.id)), ("name", type.name.json), ("is_public", type.isPublic.json)])
            },
            detailed: { type, _ in
                .compact([
                    ("description", type.description.json), ("backend", type.backendName.json),
                    ("extra_specs", .object(type.extraSpecs.mapValues(JSONValue.string))),
                    ("qos_specs_id", type.qosSpecsID.json),
                ])
            }
        ).definition
    }
}
