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
            searchFields: { [$0.name] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    /// The volumes' names, one batched read per page.
    static let lookups: @Sendable (OpenStackCloud, [Snapshot]) async -> Lookups = { cloud, snapshots in
        await NameLookup.volumeLookups(cloud: cloud, volumeIDs: snapshots.map(\.volumeID))
    }

    static func basicColumns(_ snapshot: Snapshot, _: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(snapshot.id)), ("name", snapshot.name.json), ("description", snapshot.description.json),
            ("status", snapshot.status.json), ("size", snapshot.size.json),
        ])
    }

    static func detailedColumns(_ snapshot: Snapshot, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("volume_id", snapshot.volumeID.json), ("volume_name", found.name("volume", snapshot.volumeID).json),
            ("progress", snapshot.progress.json), ("project_id", snapshot.projectID.json),
            ("user_id", snapshot.userID.json), ("created_at", snapshot.createdAt.json),
            ("updated_at", snapshot.updatedAt.json),
            ("metadata", .object(snapshot.metadata.mapValues(JSONValue.string))),
        ])
    }
}
