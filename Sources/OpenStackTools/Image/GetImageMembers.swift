import Foundation
import OpenStackKit

/// `get_image_members`: the projects a shared image is offered to, and whether they accepted.
enum GetImageMembers {
    static var definition: ToolDefinition {
        ListTool<ImageMember>(
            name: "get_image_members", title: "List who may use a shared image",
            description: "The projects a shared Glance image is offered to: member status (pending, accepted, rejected).",
            noun: "image member",
            extraProperties: ["image": Schema.string("Image ID or name")], required: ["image"],
            searchFields: { [$0.memberID, $0.status] },
            lookups: { cloud, members in await GetFlavorAccess.projectNames(cloud: cloud, ids: members.map(\.memberID)) },
            basic: { member, _ in
                .compact([("image_id", member.imageID.json), ("member_id", .string(member.memberID)), ("status", member.status.json)])
            },
            detailed: { member, found in
                .compact([
                    ("project_name", found.name("project", member.memberID).json),
                    ("created_at", member.createdAt.json), ("updated_at", member.updatedAt.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = ImageMember.path(image: try await sharedImage(arguments, cloud: cloud).id)
                return request
            },
            // Project names are read one by one from Keystone, so only where the columns show them.
            lookupLevels: [.detailed],
            parentMissing: { arguments in
                ("no image has the ID '\((try? arguments.string("image")) ?? "")'", "list the images with get_images, or pass an image's exact name")
            }
        ).definition
    }

    /// The image, when it is shared. Glance refuses the members of any other image (403 "Only
    /// shared images have members"); the answer then says who can use it instead.
    static func sharedImage(_ arguments: ToolArguments, cloud: OpenStackCloud) async throws -> Image {
        guard let key = try arguments.string("image") else {
            throw ToolArgumentError(argument: "image", problem: "required: an image ID or name (get_images)")
        }
        let image = try await finder.find(key, cloud: cloud)
        let visibility = image.visibility ?? "unknown"
        guard visibility == "shared" else {
            let who = visibility == "private" ? "only its owner project \(image.owner ?? "")" : visibility == "unknown" ? "as its visibility says" : "every project"
            throw ToolArgumentError(
                argument: "image",
                problem: "image '\(image.name ?? image.id)' is \(visibility), so \(who) may use it: Glance keeps members for shared images only (get_images visibility=shared lists those)")
        }
        return image
    }

    private static let finder = ShowTool<Image>(
        name: "get_image_members", title: "", description: "", noun: "image", nameOf: { $0.name },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
