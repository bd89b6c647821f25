import Foundation
import OpenStackKit

/// `get_shares`: Manila shares with where they are exported from and their share network.
enum GetShares {
    static var definition: ToolDefinition {
        ListTool<Share>(
            name: "get_shares", title: "List file shares",
            description: "List Manila shares: status, size, protocol, export locations, share network.",
            noun: "share",
            searchFields: { [$0.name, $0.shareProto, $0.status] },
            lookups: ShareLookups.lookups,
            basic: ShareLookups.basic, detailed: ShareLookups.detailed
        ).definition
    }
}
