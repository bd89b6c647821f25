import Foundation
import OpenStackKit

/// `get_snapshot`: one Cinder snapshot by ID or exact name, with the columns of `get_snapshots`.
enum GetSnapshot {
    static var definition: ToolDefinition {
        ShowTool<Snapshot>(
            name: "get_snapshot", title: "Show one volume snapshot",
            description: "Show one Cinder snapshot by ID or name.",
            noun: "snapshot",
            nameOf: { $0.name },
            lookups: GetSnapshots.lookups,
            basic: GetSnapshots.basicColumns,
            detailed: GetSnapshots.detailedColumns
        ).definition
    }
}
