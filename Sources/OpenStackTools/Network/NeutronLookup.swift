import Foundation
import OpenStackKit

/// Related Neutron records of a page of resources, each read in one batched request.
struct NeutronLookups: Sendable {
    /// Network names by id.
    var networkNames: [String: String] = [:]
    /// Subnets by id (name and CIDR only).
    var subnets: [String: JSONValue] = [:]
    /// Security group names by id.
    var securityGroupNames: [String: String] = [:]
    /// Router interface ports by router id.
    var routerInterfaces: [String: [OpenStackKit.Port]] = [:]
    /// Ports by id (trunk parents).
    var ports: [String: OpenStackKit.Port] = [:]
}

/// Batched Neutron reads: repeated `id=` (or `device_id=`) filters, 100 values a request, with
/// `fields` so that only what is shown travels. A failed lookup costs only the names, never the answer.
enum NeutronLookup {
    static let chunkSize = 100

    /// Records of `collection` whose `key` is one of `values`, keyed by `id`.
    static func records(
        _ cloud: OpenStackCloud, path: String, collection: String, key: String = "id", values: [String],
        fields: [String], extra: [URLQueryItem] = []
    ) async -> [JSONValue] {
        let unique = Array(Set(values.filter { !$0.isEmpty })).sorted()
        var found: [JSONValue] = []
        for start in stride(from: 0, to: unique.count, by: chunkSize) {
            let chunk = unique[start..<min(start + chunkSize, unique.count)]
            let query = extra + chunk.map { URLQueryItem(name: key, value: $0) }
                + (["id"] + fields).map { URLQueryItem(name: "fields", value: $0) }
            let request = ListRequest(service: .network, path: path, collectionKey: collection, query: query)
            // One id matches one record; other keys (device_id) may match several, so allow a full page.
            let limit = key == "id" ? chunk.count : 1000
            guard let page = try? await Pager(cloud: cloud).collect(request, limit: limit) else { return found }
            found += page.items
        }
        return found
    }

    /// `name` by `id` for the given ids of a collection.
    static func names(_ cloud: OpenStackCloud, path: String, collection: String, ids: [String]) async -> [String: String] {
        var names: [String: String] = [:]
        for item in await records(cloud, path: path, collection: collection, values: ids, fields: ["name"]) {
            if let id = item["id"]?.stringValue { names[id] = item["name"]?.stringValue ?? "" }
        }
        return names
    }

    static func networkNames(_ cloud: OpenStackCloud, ids: [String]) async -> [String: String] {
        await names(cloud, path: "/networks", collection: "networks", ids: ids)
    }

    static func securityGroupNames(_ cloud: OpenStackCloud, ids: [String]) async -> [String: String] {
        await names(cloud, path: "/security-groups", collection: "security_groups", ids: ids)
    }

    /// Name and CIDR of each subnet.
    static func subnets(_ cloud: OpenStackCloud, ids: [String]) async -> [String: JSONValue] {
        let items = await records(cloud, path: "/subnets", collection: "subnets", values: ids, fields: ["name", "cidr"])
        return Dictionary(items.compactMap { item in item["id"]?.stringValue.map { ($0, item) } }) { first, _ in first }
    }

    /// Ports by id.
    static func ports(_ cloud: OpenStackCloud, ids: [String]) async -> [String: OpenStackKit.Port] {
        let fields = ["name", "network_id", "device_id", "device_owner", "status", "mac_address", "fixed_ips"]
        let items = await records(cloud, path: "/ports", collection: "ports", values: ids, fields: fields)
        return Dictionary(items.compactMap { try? OpenStackKit.Port(json: $0) }.map { ($0.id, $0) }) { first, _ in first }
    }

    /// Device owners of a router's interface ports: plain, DVR and HA routers.
    static let routerInterfaceOwners = [
        "network:router_interface", "network:router_interface_distributed", "network:ha_router_replicated_interface",
    ]

    /// The interface ports of each router: one request per 100 routers (Neutron ORs repeated
    /// `device_owner` values).
    static func routerInterfaces(_ cloud: OpenStackCloud, routerIDs: [String]) async -> [String: [OpenStackKit.Port]] {
        let items = await records(
            cloud, path: "/ports", collection: "ports", key: "device_id", values: routerIDs,
            fields: ["network_id", "device_id", "device_owner", "fixed_ips", "status"],
            extra: routerInterfaceOwners.map { URLQueryItem(name: "device_owner", value: $0) })
        return Dictionary(grouping: items.compactMap { try? OpenStackKit.Port(json: $0) }, by: { $0.deviceID ?? "" })
    }
}
