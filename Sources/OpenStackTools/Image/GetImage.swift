import Foundation
import OpenStackKit

/// `get_image`: one Glance image by ID or name; `full` is the whole image, every custom property included.
enum GetImage {
    static var definition: ToolDefinition {
        ShowTool<Image>(
            name: "get_image", title: "Show one image",
            description:
                "Show one Glance image by ID or name; full adds custom properties.",
            noun: "image", nameOf: { $0.name },
            basic: { image, _ in
                .compact([("id", .string(image.id)), ("name", image.name.json), ("status", image.status.json)])
            },
            detailed: { image, _ in
                .compact([
                    ("visibility", image.visibility.json), ("size", image.size.json),
                    ("virtual_size", image.raw["virtual_size"]?.intValue.json), ("disk_format", image.diskFormat.json),
                    ("container_format", image.containerFormat.json), ("min_disk", image.minDisk.json),
                    ("min_ram", image.minRAM.json), ("owner", image.owner.json), ("protected", image.isProtected.json),
                    ("os_hidden", image.raw["os_hidden"]?.boolValue.json), ("checksum", image.raw.text("checksum").json),
                    ("tags", image.raw["tags"]), ("created_at", image.createdAt.json),
                    ("updated_at", image.raw.text("updated_at").json),
                    ("custom_property_names", .array(image.properties.keys.sorted().map(JSONValue.string))),
                ])
            }
        ).definition
    }
}
