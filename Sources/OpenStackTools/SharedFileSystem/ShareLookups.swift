import Foundation
import OpenStackKit

/// What the share tools look up for a page: share network names (one list) and, for at most
/// `exportLimit` shares, their export locations (one read each: Manila has no batch read).
enum ShareLookups {
    /// Shares beyond this many show no export locations in a list; `get_share` shows them.
    static let exportLimit = 20

    static func lookups(cloud: OpenStackCloud, shares: [Share]) async -> Lookups {
        var found = Lookups()
        let networkIDs = Set(shares.compactMap(\.shareNetworkID))
        // An admin's shares span projects, and so do their networks.
        let admin = (try? await cloud.token())?.isAdmin ?? false
        let query = admin ? [URLQueryItem(name: "all_tenants", value: "1")] : []
        if !networkIDs.isEmpty, let response = try? await cloud.get(.sharedFileSystem, path: "/share-networks", query: query) {
            let names = (response.json["share_networks"]?.arrayValue ?? []).compactMap { item -> (String, JSONValue)? in
                guard let id = item.text("id"), networkIDs.contains(id) else { return nil }
                return (id, item["name"] ?? .null)
            }
            found.values["share_network"] = Dictionary(names, uniquingKeysWith: { first, _ in first })
        }
        // Before 2.9 the share itself carries its export locations.
        let separate = (try? await cloud.endpoint(.sharedFileSystem))?.supports(2, 9) ?? false
        guard separate else { return found }
        let ids = shares.prefix(exportLimit).map(\.id)
        let locations = await BoundedConcurrency.map(ids, limit: 4) { id in
            let response = try await cloud.get(.sharedFileSystem, path: ShareExportLocation.path(share: id))
            return JSONValue.array(try ShareExportLocation.list(from: response.json).map(render))
        }
        found.values["export_locations"] = locations
        return found
    }

    static func render(_ location: ShareExportLocation) -> JSONValue {
        .object(.compact([
            ("path", .string(location.path)), ("preferred", location.preferred.json),
            ("admin_only", location.isAdminOnly == true ? .bool(true) : nil),
        ]))
    }

    /// The export locations of a share: looked up, or inline (old microversions); nil when not read.
    static func exportLocations(_ share: Share, _ found: Lookups) -> JSONValue? {
        if let looked = found.values["export_locations"]?[share.id] { return looked }
        return share.inlineExportLocations.isEmpty ? nil : .array(share.inlineExportLocations.map { .object(["path": .string($0)]) })
    }

    static func basic(_ share: Share, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(share.id)), ("name", share.name.json), ("status", share.status.json), ("size_gb", share.size.json),
            ("share_proto", share.shareProto.json), ("share_network_id", share.shareNetworkID.json),
            ("share_network_name", found.name("share_network", share.shareNetworkID).json),
            ("export_locations", exportLocations(share, found)),
        ])
    }

    static func detailed(_ share: Share, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("share_type", share.shareTypeName.json), ("availability_zone", share.availabilityZone.json),
            ("project_id", share.projectID.json), ("host", share.host.json), ("is_public", share.isPublic.json),
            ("created_at", share.createdAt.json), ("description", share.raw["description"]),
            ("metadata", share.raw["metadata"]),
        ])
    }
}
