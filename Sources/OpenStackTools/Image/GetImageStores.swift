import Foundation
import OpenStackKit

/// `get_image_stores`: the stores images can live in, where Glance has several
/// (`enabled_backends`); a Glance with one store says so instead of listing nothing.
enum GetImageStores {
    static var definition: ToolDefinition {
        ListTool<ImageStore>(
            name: "get_image_stores", title: "List image stores",
            description: "List Glance's stores (multiple backends): ID, description, which is the default, read-only.",
            noun: "image store",
            searchFields: { [$0.description] },
            basic: { store, _ in
                .compact([
                    ("id", .string(store.id)), ("description", store.description.json), ("default", .bool(store.isDefault)),
                ])
            },
            detailed: { store, _ in ["read_only": .bool(store.isReadOnly)] },
            // Glance answers 404 "Multi backend is not supported at this site" without enabled_backends.
            parentMissing: { _ in
                ("this Glance has a single store: multiple stores (enabled_backends) are not enabled, so every image lives in its one default store",
                 "nothing to choose between: every image is in that store; the other image tools keep working")
            }
        ).definition
    }
}
