import Foundation
import OpenStackKit

/// `get_volume_groups`: Cinder's generic volume groups, with their group type's and volume
/// types' names.
enum GetVolumeGroups {
    static var definition: ToolDefinition {
        CinderMicroversionGate.requiring(
            VolumeGroup.microversion, what: "volume groups", path: "/groups",
            nextStep: "this Cinder has only consistency groups, or none",
            ListTool<VolumeGroup>(
                name: "get_volume_groups", title: "List volume groups",
                description: "List Cinder volume groups (3.13+): status, group type, volume types, volumes. all_projects (admin).",
                noun: "group",
                searchFields: { [$0.name, $0.description] },
                lookups: { cloud, _ in await typeNames(cloud: cloud) },
                basic: { group, _ in .compact([("id", .string(group.id)), ("name", group.name.json), ("status", group.status.json)]) },
                detailed: { group, found in
                    .compact([
                        ("description", group.description.json), ("availability_zone", group.availabilityZone.json),
                        ("group_type", group.groupTypeID.json), ("group_type_name", found.name("group_type", group.groupTypeID).json),
                        ("volume_types", .array(group.volumeTypeIDs.map { .string(found.name("volume_type", $0) ?? $0) })),
                        ("volumes", group.volumeIDs.map { .array($0.map(JSONValue.string)) }),
                        ("project_id", group.projectID.json), ("created_at", group.createdAt.json),
                        ("replication_status", group.replicationStatus.json),
                    ])
                },
                lookupLevels: [.detailed]
            ).definition)
    }

    /// Group type and volume type names: one read of each list (both are short), concurrently.
    static func typeNames(cloud: OpenStackCloud) async -> Lookups {
        async let groupTypes = try? cloud.get(.blockStorage, path: GroupType.declaration.path.description).json
        async let volumeTypes = try? cloud.get(.blockStorage, path: "/types", query: [URLQueryItem(name: "is_public", value: "None")]).json
        let names = { (document: JSONValue?, key: String) -> [String: JSONValue] in
            var names: [String: JSONValue] = [:]
            for item in document?[key]?.arrayValue ?? [] {
                if let id = item.text("id"), let name = item["name"] { names[id] = name }
            }
            return names
        }
        return Lookups(values: ["group_type": names(await groupTypes, "group_types"), "volume_type": names(await volumeTypes, "volume_types")])
    }
}
