import Foundation
import OpenStackKit

/// `get_volume`: one Cinder volume by ID or name, with the servers it is attached to by name.
enum GetVolume {
    static var definition: ToolDefinition {
        ShowTool<Volume>(
            name: "get_volume", title: "Show one volume",
            description:
                "Show one Cinder volume by ID or name, with attached servers.",
            noun: "volume",
            nameOf: { $0.name },
            lookups: { cloud, volumes in await NameLookup.attachedServers(cloud: cloud, volumes: volumes) },
            basic: { volume, found in
                .compact([
                    ("id", .string(volume.id)), ("name", volume.name.json), ("status", volume.status.json),
                    ("size", volume.size.json), ("volume_type", volume.volumeType.json), ("bootable", .bool(volume.bootable)),
                    ("attached_to", .array(volume.attachments.map { attachment in
                        .object(.compact([
                            ("server_id", attachment.serverID.json), ("server_name", found.name("server", attachment.serverID).json),
                            ("device", attachment.device.json),
                        ]))
                    })),
                ])
            },
            detailed: { volume, found in
                let image = volume.raw["volume_image_metadata"]
                return .compact([
                    ("description", volume.raw.text("description").json), ("encrypted", volume.encrypted.json),
                    ("multiattach", volume.multiattach.json), ("availability_zone", volume.availabilityZone.json),
                    ("host", volume.host.json), ("project_id", volume.projectID.json),
                    ("user_id", volume.raw.text("user_id").json), ("created_at", volume.createdAt.json),
                    ("updated_at", volume.raw.text("updated_at").json), ("snapshot_id", volume.raw.text("snapshot_id").json),
                    ("source_volid", volume.raw.text("source_volid").json),
                    ("image", image.map { image in
                        .object(.compact([("id", image.text("image_id").json), ("name", image.text("image_name").json)]))
                    }),
                    ("metadata", volume.raw["metadata"]),
                    ("attachments", .array(volume.attachments.map { attachment in
                        .object(.compact([
                            ("attachment_id", attachment.attachmentID.json), ("server_id", attachment.serverID.json),
                            ("server_name", found.name("server", attachment.serverID).json),
                            ("device", attachment.device.json), ("host_name", attachment.hostName.json),
                        ]))
                    })),
                ])
            }
        ).definition
    }
}
