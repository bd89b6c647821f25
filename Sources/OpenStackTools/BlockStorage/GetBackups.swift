import Foundation
import OpenStackKit

/// `get_backups`: Cinder volume backups, with their volumes' names and why failed ones failed.
enum GetBackups {
    static var definition: ToolDefinition {
        ListTool<Backup>(
            name: "get_backups", title: "List volume backups",
            description:
                "List Cinder backups: status, size, incremental, volume, failure reason. all_projects=true (admin) for the whole cloud.",
            noun: "backup",
            searchFields: { [$0.name] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    /// The volumes' names, one batched read per page.
    static let lookups: @Sendable (OpenStackCloud, [Backup]) async -> Lookups = { cloud, backups in
        await NameLookup.volumeLookups(cloud: cloud, volumeIDs: backups.map(\.volumeID))
    }

    static func basicColumns(_ backup: Backup, _: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(backup.id)), ("name", backup.name.json), ("description", backup.description.json),
            ("status", backup.status.json), ("size", backup.size.json), ("is_incremental", backup.isIncremental.json),
        ])
    }

    static func detailedColumns(_ backup: Backup, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("volume_id", backup.volumeID.json), ("volume_name", found.name("volume", backup.volumeID).json),
            ("snapshot_id", backup.snapshotID.json), ("fail_reason", backup.failReason.json),
            ("has_dependent_backups", backup.hasDependentBackups.json),
            ("availability_zone", backup.availabilityZone.json), ("container", backup.container.json),
            ("object_count", backup.objectCount.json), ("project_id", backup.projectID.json),
            ("user_id", backup.userID.json), ("created_at", backup.createdAt.json),
            ("updated_at", backup.updatedAt.json), ("data_timestamp", backup.dataTimestamp.json),
        ])
    }
}
