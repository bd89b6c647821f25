import Foundation
import OpenStackKit

/// `get_group_members`: the users in one Keystone group (admin), the group given by ID or name.
enum GetGroupMembers {
    static var definition: ToolDefinition {
        let tool = ListTool<GroupMember>(
            name: "get_group_members", title: "List a group's users",
            description: "List the users in one Keystone group (admin).",
            noun: "group member",
            extraProperties: ["group": Schema.string("Group ID or name")], required: ["group"],
            searchFields: { [$0.user.name, $0.user.email] },
            basic: { member, _ in GetUsers.basicColumns(member.user) },
            detailed: { member, _ in GetUsers.detailedColumns(member.user) },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = GroupMember.path(group: try await groupID(arguments, cloud: cloud))
                return request
            },
            parentMissing: { arguments in
                ("no group has the ID '\((try? arguments.string("group")) ?? "")'",
                 "list the groups with get_groups, or pass a group's exact name")
            }
        )
        return IdentityPolicy.explainingForbidden(
            tool.definition, action: "list_users_in_group", reading: "Listing a group's users")
    }

    /// The group's ID: the argument when it is one, else the ID of the group with that exact name.
    static func groupID(_ arguments: ToolArguments, cloud: OpenStackCloud) async throws -> String {
        guard let key = try arguments.string("group") else {
            throw ToolArgumentError(argument: "group", problem: "required: a group ID or name (get_groups)")
        }
        return try await finder.find(key, cloud: cloud).id
    }

    private static let finder = ShowTool<Group>(
        name: "get_group_members", title: "", description: "", noun: "group", nameOf: { $0.name },
        basic: { _, _ in [:] }, detailed: { _, _ in [:] })
}
