import Foundation
import OpenStackKit

/// `get_backup`: one Cinder backup by ID or exact name, with the columns of `get_backups`.
enum GetBackup {
    static var definition: ToolDefinition {
        ShowTool<Backup>(
            name: "get_backup", title: "Show one volume backup",
            description: "Show one Cinder backup by ID or name.",
            noun: "backup",
            nameOf: { $0.name },
            lookups: GetBackups.lookups,
            basic: GetBackups.basicColumns,
            detailed: GetBackups.detailedColumns
        ).definition
    }
}
