import Foundation
import OpenStackKit

/// `get_group_snapshots`: snapshots of Cinder volume groups, with their groups' names.
enum GetGroupSnapshots {
    static var definition: ToolDefinition {
        CinderMicroversionGate.requiring(
            GroupSnapshot.microversion, what: "group snapshots", path: "/group_snapshots",
            nextStep: "this Cinder has no generic volume groups",
            ListTool<GroupSnapshot>(
                name: "get_group_snapshots", title: "List volume group snapshots",
                description: "List Cinder group snapshots (3.14+): status, group, group type. all_projects (admin).",
                noun: "group snapshot",
                searchFields: { [$0.name, $0.description, $0.groupID] },
                lookups: { cloud, snapshots in await groupNames(cloud: cloud, ids: snapshots.compactMap(\.groupID)) },
                basic: { snapshot, _ in
                    .compact([("id", .string(snapshot.id)), ("name", snapshot.name.json), ("status", snapshot.status.json)])
                },
                detailed: { snapshot, found in
                    .compact([
                        ("description", snapshot.description.json), ("group_id", snapshot.groupID.json),
                        ("group_name", found.name("group", snapshot.groupID).json), ("group_type_id", snapshot.groupTypeID.json),
                        ("project_id", snapshot.projectID.json), ("created_at", snapshot.createdAt.json),
                    ])
                },
                lookupLevels: [.detailed]
            ).definition)
    }

    /// The groups' names, one GET each for the few groups a page names (4 at a time).
    static func groupNames(cloud: OpenStackCloud, ids: [String]) async -> Lookups {
        let names = await BoundedConcurrency.map(Array(Set(ids)).sorted().prefix(20).map { $0 }, limit: 4) { id in
            try await cloud.get(.blockStorage, path: VolumeGroup.declaration.itemPath(id)).json["group"]?["name"] ?? .null
        }
        return Lookups(values: ["group": names.filter { $0.value != .null }])
    }
}
