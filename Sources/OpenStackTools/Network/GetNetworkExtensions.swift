import Foundation
import OpenStackKit

/// `get_network_extensions`: what this Neutron offers, by alias, so that the agent knows which
/// network tools can answer here.
enum GetNetworkExtensions {
    static var definition: ToolDefinition {
        ListTool<NetworkExtension>(
            name: "get_network_extensions", title: "List Neutron extensions",
            description: "List the extensions this Neutron offers (qos, trunk, segment...): which network reads work here.",
            noun: "extension",
            request: NetworkExtension.declaration.request,
            searchFields: { [$0.alias, $0.name, $0.description] },
            basic: { ext, _ in .compact([("alias", .string(ext.alias)), ("name", ext.name.json)]) },
            detailed: { ext, _ in .compact([("description", ext.description.json), ("updated", ext.updated.json)]) }
        ).definition
    }
}
