import Foundation
import OpenStackKit

/// `get_snapshots`: Cinder volume snapshots, with their volumes' names.
enum GetSnapshots {
    static var definition: ToolDefinition {
        ListTool<Snapshot>(
            name: "get_snapshots", title: "List volume snapshots",
            description:
                "List Cinder snapshots: status, size, volume. all_projects=true (admin) for the whole cloud.",
            noun: "snapshot",
            extraProperties: Schema.filters(of: Snapshot.declaration),
            request: Snapshot.declaration.request,
            searchFields: { [$0.name] },
            lookups: { cloud, snapshots in await NameLookup.volumeLookups(cloud: cloud, volumeIDs: snapshots.map(\.volumeID)) },
            basic: { snapshot, _ in
                .compact([
                    ("id", .string(snapshot.id)), ("name", snapshot.name.json), ("description", snapshot.description.json),
                    ("status", snapshot.status.json), ("size", snapshot.size.json),
                ])
            },
            detailed: { snapshot, found in
                .compact([
                    ("volume_id", snapshot.volumeID.json), ("volume_name", found.name("volume", snapshot.volumeID).json),
                    ("progress", snapshot.progress.json), ("project_id", snapshot.projectID.json),
                    ("user_id", snapshot.userID.json), ("created_at", snapshot.createdAt.json),
                    ("updated_at", snapshot.updatedAt.json),
                    ("metadata", .object(snapshot.metadata.mapValues(JSONValue.string))),
                ])
            }
        ).definition
    }
}
