import Foundation
import OpenStackKit

/// `get_reverse_floating_ips`: the PTR records of floating IPs, with the port and server behind
/// each address (one batched Neutron read and one server-name lookup per page).
enum GetReverseFloatingIPs {
    static var definition: ToolDefinition {
        ListTool<ReverseFloatingIP>(
            name: "get_reverse_floating_ips", title: "List PTR records of floating IPs",
            description: "List the PTR records of floating IPs: address, name, TTL, status; the port and server behind each.",
            noun: "PTR record",
            searchFields: { [$0.address, $0.ptrdname, $0.description] },
            lookups: lookups,
            basic: { ptr, found in
                let floating = found.values["floatingip"]?[ptr.floatingIPID]
                let server = floating?["server_id"]?.stringValue
                return .compact([
                    ("id", .string(ptr.id)), ("address", ptr.address.json), ("ptrdname", ptr.ptrdname.json),
                    ("status", ptr.status.json), ("action", ptr.action.json),
                    ("server_id", server.json), ("server_name", found.name("server", server).json),
                ])
            },
            detailed: { ptr, found in
                let floating = found.values["floatingip"]?[ptr.floatingIPID]
                return .compact([
                    ("ttl", ptr.ttl.json), ("description", ptr.description.json), ("floating_ip_id", .string(ptr.floatingIPID)),
                    ("port_id", floating?["port_id"]), ("fixed_ip_address", floating?["fixed_ip_address"]),
                ])
            }
        ).definition
    }

    /// The floating IPs of a page (`GET /v2.0/floatingips?id=…&id=…`) and the servers behind them.
    static func lookups(_ cloud: OpenStackCloud, _ records: [ReverseFloatingIP]) async -> Lookups {
        var found = Lookups()
        let ids = Array(Set(records.map(\.floatingIPID))).sorted()
        guard !ids.isEmpty else { return found }
        let request = ListRequest(
            service: .network, path: FloatingIP.declaration.listPath.description, collectionKey: "floatingips",
            query: ids.map { URLQueryItem(name: "id", value: $0) })
        let listed = (try? await Pager(cloud: cloud).collect(request, limit: ids.count))?.items ?? []
        let floatingIPs = listed.compactMap { try? FloatingIP(json: $0) }
        var byID: [String: JSONValue] = [:]
        for floating in floatingIPs {
            byID[floating.id] = .object(.compact([
                ("port_id", floating.portID.json), ("fixed_ip_address", floating.fixedIPAddress.json),
                ("server_id", GetFloatingIPs.serverID(floating).json),
            ]))
        }
        found.values["floatingip"] = byID
        found.values["server"] = await NameLookup.serverNames(cloud: cloud, ids: floatingIPs.compactMap(GetFloatingIPs.serverID))
        return found
    }
}
