import Foundation
import OpenStackKit

/// `get_migrations`: Nova's record of live and cold migrations, resizes and evacuations (admin).
enum GetMigrations {
    static var definition: ToolDefinition {
        ListTool<Migration>(
            name: "get_migrations", title: "List server migrations",
            description:
                "Nova migrations (admin), newest first: live/cold, resize, evacuation; hosts and status.",
            noun: "migration",
            searchFields: { [$0.instanceUUID, $0.sourceCompute, $0.destCompute, $0.status, $0.migrationType, $0.uuid] },
            basic: { migration, _ in
                .compact([
                    ("id", .string(migration.id)), ("uuid", migration.uuid.json), ("instance_uuid", migration.instanceUUID.json),
                    ("source_compute", migration.sourceCompute.json), ("dest_compute", migration.destCompute.json),
                    ("status", migration.status.json), ("migration_type", migration.migrationType.json),
                    ("created_at", migration.createdAt.json), ("updated_at", migration.updatedAt.json),
                ])
            },
            detailed: { migration, _ in
                .compact([
                    ("dest_host", migration.raw.text("dest_host").json), ("source_node", migration.raw.text("source_node").json),
                    ("dest_node", migration.raw.text("dest_node").json), ("project_id", migration.projectID.json),
                    ("user_id", migration.userID.json),
                    ("old_instance_type_id", migration.raw["old_instance_type_id"]), ("new_instance_type_id", migration.raw["new_instance_type_id"]),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                // Paging by uuid and changes-since came with 2.59; before, one answer holds everything.
                if try await !cloud.endpoint(.compute).supports(2, 59) {
                    if try arguments.string("changes_since") != nil {
                        throw ToolArgumentError(argument: "changes_since", problem: "needs compute microversion 2.59, which this cloud does not offer")
                    }
                    request.supportsPaging = false
                }
                if let server = try arguments.string("server") {
                    request.query.removeAll { $0.name == "instance_uuid" }
                    request.query.append(URLQueryItem(name: "instance_uuid", value: try await GetInstance.serverID(server, cloud: cloud)))
                }
                return request
            }
        ).definition
    }
}
