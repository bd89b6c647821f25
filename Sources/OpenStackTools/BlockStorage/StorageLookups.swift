import Foundation
import OpenStackKit

/// Batched name lookups for block storage tools: volumes (for snapshots, backups, attachments)
/// and servers (for attachments).
///
/// Neither Cinder nor Nova can filter a list by several IDs, so each lookup reads the summary
/// list (ID and name only) page by page and stops as soon as every wanted ID was seen. Admins
/// read every project's list so that names in other projects resolve too. A failure costs only
/// the names, never the answer.
extension NameLookup {
    static func volumes(cloud: OpenStackCloud, ids: [String]) async -> [String: JSONValue] {
        await summaryNames(
            cloud: cloud, ids: ids, service: .blockStorage, path: "/volumes", collectionKey: "volumes",
            allProjects: URLQueryItem(name: "all_tenants", value: "1"))
    }

    static func servers(cloud: OpenStackCloud, ids: [String]) async -> [String: JSONValue] {
        await summaryNames(
            cloud: cloud, ids: ids, service: .compute, path: "/servers", collectionKey: "servers",
            allProjects: URLQueryItem(name: "all_tenants", value: "True"))
    }

    /// Server names for the IDs a page refers to: one GET each for a handful, else one scan of
    /// the server summary list that stops when every ID was seen.
    static func serverNames(cloud: OpenStackCloud, ids: [String]) async -> [String: JSONValue] {
        let unique = Array(Set(ids))
        return unique.count <= 8 ? await fewServers(cloud: cloud, ids: unique) : await servers(cloud: cloud, ids: unique)
    }

    /// The names of the servers a page of volumes is attached to, for the `attached_to` columns.
    static func attachedServers(cloud: OpenStackCloud, volumes: [Volume]) async -> Lookups {
        var found = Lookups()
        found.values["server"] = await serverNames(cloud: cloud, ids: volumes.flatMap { $0.attachments.compactMap(\.serverID) })
        return found
    }

    /// Names of a few servers, one concurrent `GET /servers/{id}` each: for one volume's
    /// attachments this is cheaper than scanning the server list. Unknown IDs are left out.
    static func fewServers(cloud: OpenStackCloud, ids: [String]) async -> [String: JSONValue] {
        await withTaskGroup(of: (String, String?).self) { group in
            for id in Set(ids) {
                group.addTask {
                    let encoded = PathSegment.encode(id)
                    let response = try? await cloud.get(.compute, path: "/servers/\(encoded)")
                    return (id, response?.json["server"]?["name"]?.stringValue)
                }
            }
            var names: [String: JSONValue] = [:]
            for await (id, name) in group { if let name { names[id] = .string(name) } }
            return names
        }
    }

    private static func summaryNames(
        cloud: OpenStackCloud, ids: [String], service: ServiceType, path: String, collectionKey: String,
        allProjects: URLQueryItem
    ) async -> [String: JSONValue] {
        let wanted = Set(ids)
        guard !wanted.isEmpty else { return [:] }
        let admin = (try? await cloud.token().isAdmin) ?? false
        let request = ListRequest(service: service, path: path, collectionKey: collectionKey, query: admin ? [allProjects] : [])
        guard
            let found = try? await Pager(cloud: cloud).collect(request, limit: wanted.count, filtered: true, matches: { json in
                wanted.contains(json["id"]?.stringValue ?? "")
            })
        else { return [:] }
        var names: [String: JSONValue] = [:]
        for item in found.items {
            if let id = item["id"]?.stringValue, let name = item["name"]?.stringValue { names[id] = .string(name) }
        }
        return names
    }

    /// Volume names for the `volumeID`s of a page, as `Lookups` for the projections.
    static func volumeLookups(cloud: OpenStackCloud, volumeIDs: [String?]) async -> Lookups {
        var lookups = Lookups()
        lookups.values["volume"] = await volumes(cloud: cloud, ids: volumeIDs.compactMap { $0 })
        return lookups
    }
}
