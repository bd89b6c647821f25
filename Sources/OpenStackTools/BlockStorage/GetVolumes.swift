import Foundation
import OpenStackKit

/// `get_volumes`: Cinder volumes with the bootable flag and attachments.
enum GetVolumes {
    static var definition: ToolDefinition {
        ListTool<Volume>(
            name: "get_volumes", title: "List volumes",
            description:
                "List Cinder volumes: status, size, type, bootable, attached servers. all_projects=true (admin) for the whole cloud.",
            noun: "volume",
            searchFields: { [$0.name] },
            lookups: { cloud, volumes in await NameLookup.attachedServers(cloud: cloud, volumes: volumes) },
            basic: { volume, found in
                .compact([
                    ("id", .string(volume.id)), ("name", volume.name.json), ("status", volume.status.json),
                    ("size", volume.size.json),
                    ("attached_to", .array(volume.attachments.map { attachment in
                        .object(.compact([
                            ("server_id", attachment.serverID.json), ("server_name", found.name("server", attachment.serverID).json),
                            ("device", attachment.device.json),
                        ]))
                    })),
                ])
            },
            detailed: { volume, _ in
                .compact([
                    ("volume_type", volume.volumeType.json), ("bootable", .bool(volume.bootable)),
                    ("encrypted", volume.encrypted.json), ("multiattach", volume.multiattach.json),
                    ("availability_zone", volume.availabilityZone.json), ("host", volume.host.json),
                    ("project_id", volume.projectID.json), ("created_at", volume.createdAt.json),
                ])
            },
            precheck: { arguments, cloud in
                // Cinder ignores all_tenants for a non-admin and answers with the own project only.
                guard try arguments.bool("all_projects", default: false) || arguments.values["project_id"] != nil else { return }
                try await AdminRole.require(
                    cloud, service: "Cinder", url: "/volumes/detail",
                    because: "all_projects and project_id need the admin role: Cinder would quietly show only this project's volumes")
            }
        ).definition
    }
}
