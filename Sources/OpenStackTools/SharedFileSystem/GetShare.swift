import Foundation
import OpenStackKit

/// `get_share`: one Manila share, with its export locations and who may mount it.
enum GetShare {
    static var definition: ToolDefinition {
        ShowTool<Share>(
            name: "get_share", title: "Show one file share",
            description: "Show one Manila share by ID or name, with export locations and access rules.",
            noun: "share", nameOf: { $0.name },
            lookups: { cloud, shares in
                var found = await ShareLookups.lookups(cloud: cloud, shares: shares)
                guard let share = shares.first else { return found }
                found.values["access"] = [share.id: await accessRules(cloud: cloud, share: share.id)]
                return found
            },
            basic: { share, found in
                var item = ShareLookups.basic(share, found)
                item["access_rules"] = found.values["access"]?[share.id]
                return item
            },
            detailed: ShareLookups.detailed
        ).definition
    }

    /// The share's access rules (`/share-access-rules`, 2.45+), or a note saying why there are none
    /// to show: older Manila lists them only through a POST action, which this server never sends.
    static func accessRules(cloud: OpenStackCloud, share: String) async -> JSONValue {
        guard let endpoint = try? await cloud.endpoint(.sharedFileSystem), endpoint.supports(2, 45) else {
            return "not shown: this Manila is older than microversion 2.45, which lists access rules with a GET"
        }
        do {
            let response = try await cloud.get(
                .sharedFileSystem, path: "/share-access-rules", query: [URLQueryItem(name: "share_id", value: share)])
            return .array(try ShareAccessRule.list(from: response.json).map { rule in
                .object(.compact([
                    ("id", .string(rule.id)), ("access_type", rule.accessType.json), ("access_to", rule.accessTo.json),
                    ("access_level", rule.accessLevel.json), ("state", rule.state.json),
                ]))
            })
        } catch {
            return .string("not read: \(error)")
        }
    }
}
