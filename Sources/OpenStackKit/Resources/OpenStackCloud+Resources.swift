import Foundation

/// Listing and showing any declared resource, with nothing but the library:
///
/// ```swift
/// let cloud = try OpenStackCloud(configuration: configuration, logger: logger)
/// let page = try await cloud.list(Subnet.self, filters: ["network_id": "…", "ip_version": 4], limit: 20)
/// for subnet in page.items { print(subnet.name ?? subnet.id, subnet.cidr ?? "") }
/// let one = try await cloud.show(Subnet.self, id: page.items[0].id)
/// ```
///
/// Filters are the declaration's (`Subnet.declaration.filters`); an unknown key is an
/// ``ArgumentError``. Token, catalog, microversions, paging, deadlines and retries are the
/// cloud's, as for every other read.
extension OpenStackCloud {
    /// Up to `limit` items, read page by page (never more than needed), starting after `marker`.
    public func list<Resource: DeclaredResource>(
        _ type: Resource.Type, filters: [String: JSONValue] = [:], allProjects: Bool = false, limit: Int = 100,
        marker: String? = nil
    ) async throws -> (items: [Resource], nextMarker: String?) {
        let declaration = Resource.declaration
        let known = declaration.filterNames
        if let unknown = filters.keys.sorted().first(where: { !known.contains($0) }) {
            throw ArgumentError(
                argument: unknown,
                problem: "not a filter of \(declaration.collectionKey); filters: \(known.sorted().joined(separator: ", "))")
        }
        let request = try declaration.listRequest(filters, allProjects: allProjects)
        let result = try await Pager(cloud: self).collect(request, limit: limit, marker: marker)
        return (try result.items.map(Resource.init(json:)), result.nextMarker)
    }

    /// One item by ID.
    public func show<Resource: DeclaredResource>(_ type: Resource.Type, id: String) async throws -> Resource {
        let declaration = Resource.declaration
        let response = try await get(declaration.service, path: declaration.itemPath(id), query: declaration.fixedQuery)
        return try Resource.show(from: response.json)
    }
}
