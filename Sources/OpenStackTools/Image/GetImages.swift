import Foundation
import OpenStackKit

/// `get_images`: Glance images; `full` shows the custom properties too.
enum GetImages {
    static var definition: ToolDefinition {
        ListTool<Image>(
            name: "get_images", title: "List images",
            description:
                "List Glance images: status, visibility, size, formats; full adds custom properties.",
            noun: "image",
            searchFields: { [$0.name] },
            basic: { image, _ in
                .compact([("id", .string(image.id)), ("name", image.name.json), ("status", image.status.json)])
            },
            detailed: { image, _ in
                .compact([
                    ("visibility", image.visibility.json), ("size", image.size.json), ("disk_format", image.diskFormat.json),
                    ("container_format", image.containerFormat.json), ("min_disk", image.minDisk.json),
                    ("min_ram", image.minRAM.json), ("owner", image.owner.json), ("protected", image.isProtected.json),
                    ("created_at", image.createdAt.json),
                ])
            }
        ).definition
    }
}
