import Foundation

/// A list request against a paged OpenStack collection.
public struct ListRequest: Sendable {
    public var service: ServiceType
    /// Path under the versioned endpoint, e.g. `/servers/detail`.
    public var path: String
    /// Key of the array in the answer, e.g. `servers`.
    public var collectionKey: String
    /// Server-side filters.
    public var query: [URLQueryItem]
    /// Whether the API pages with `limit` and `marker`. If not, one request returns everything.
    public var supportsPaging: Bool
    /// Field whose value is the marker (almost always `id`).
    public var markerField: String
    /// The most items one page may ask for (the services' default maximum).
    public var maxPageSize: Int
    /// The API pages with `limit` and `offset` and gives no next link (Nova server groups); the
    /// marker is then the offset after an item.
    public var usesOffset: Bool
    /// Reads the items out of one answer when they are not a plain array under `collectionKey`
    /// (Nova wraps each keypair; a quota set is one object with a member per resource).
    public var extractItems: (@Sendable (JSONValue) -> [JSONValue])?
    /// The API takes `limit` and `marker` but its answers carry no next link (Cinder's
    /// attachments): a full page then means that more may follow.
    public var pagesWithoutLinks: Bool = false
    /// Request headers every page sends (Designate widens to every project with
    /// `X-Auth-All-Projects`, a header rather than a query word).
    public var headers: [(String, String)] = []

    public init(
        service: ServiceType, path: String, collectionKey: String, query: [URLQueryItem] = [],
        supportsPaging: Bool = true, markerField: String = "id", maxPageSize: Int = 1000,
        usesOffset: Bool = false, extractItems: (@Sendable (JSONValue) -> [JSONValue])? = nil
    ) {
        self.service = service
        self.path = path
        self.collectionKey = collectionKey
        self.query = query
        self.supportsPaging = supportsPaging
        self.markerField = markerField
        self.maxPageSize = maxPageSize
        self.usesOffset = usesOffset
        self.extractItems = extractItems
    }

    /// The items of one answer.
    func items(in document: JSONValue) -> [JSONValue] {
        extractItems?(document) ?? document[collectionKey]?.arrayValue ?? []
    }
}

/// The items a list produced, and where to continue.
public struct ListResult: Sendable {
    public var items: [JSONValue]
    /// Marker to continue after the last returned item, when more may exist.
    public var nextMarker: String?
    /// Upstream requests made.
    public var pagesRead: Int
    /// For each item, the marker that continues right after it (its `markerField`, or an offset).
    public var markers: [String?] = []

    public init(items: [JSONValue], nextMarker: String?, pagesRead: Int, markers: [String?] = []) {
        self.items = items
        self.nextMarker = nextMarker
        self.pagesRead = pagesRead
        self.markers = markers
    }
}

/// Reads a collection page by page and stops as soon as it has enough matching items.
public struct Pager: Sendable {
    public let cloud: OpenStackCloud

    public init(cloud: OpenStackCloud) { self.cloud = cloud }

    /// Collects up to `limit` items that satisfy `matches`, starting after `marker`.
    ///
    /// Without a client-side predicate each page asks for exactly what is still needed; with one,
    /// pages are larger (the predicate may reject most items) but reading stops at `limit` matches.
    public func collect(
        _ request: ListRequest, limit: Int, marker: String? = nil, filtered: Bool = false,
        matches: @Sendable (JSONValue) -> Bool = { _ in true }
    ) async throws -> ListResult {
        let endpoint = try await cloud.endpoint(request.service)
        guard request.supportsPaging else {
            let response = try await cloud.get(request.service, path: request.path, query: request.query, headers: request.headers)
            var all = request.items(in: response.json)
            if let marker, let index = all.firstIndex(where: { $0[request.markerField]?.stringValue == marker }) {
                all.removeSubrange(...index)
            }
            let matching = all.filter(matches)
            let page = Array(matching.prefix(limit))
            let more = matching.count > limit
            return ListResult(
                items: page, nextMarker: more ? page.last?[request.markerField]?.stringValue : nil, pagesRead: 1,
                markers: page.map { $0[request.markerField]?.stringValue })
        }
        if request.usesOffset {
            return try await collectByOffset(request, limit: limit, marker: marker, filtered: filtered, matches: matches)
        }

        var items: [JSONValue] = []
        var pages = 0
        let pageSize = filtered ? min(request.maxPageSize, max(limit, 100)) : min(request.maxPageSize, limit)
        var query = request.query.filter { $0.name != "limit" && $0.name != "marker" }
        query.append(URLQueryItem(name: "limit", value: String(pageSize)))
        if let marker { query.append(URLQueryItem(name: "marker", value: marker)) }
        var response = try await cloud.get(request.service, path: request.path, query: query, headers: request.headers)
        while true {
            pages += 1
            let pageItems = request.items(in: response.json)
            var next = Self.nextLink(in: response.json, collectionKey: request.collectionKey)
            if next == nil, request.pagesWithoutLinks, pageItems.count >= pageSize,
                let last = pageItems.last?[request.markerField]?.stringValue
            {
                next = Self.url(endpoint, request.path, query.filter { $0.name != "marker" } + [URLQueryItem(name: "marker", value: last)])
            }
            for (index, item) in pageItems.enumerated() where matches(item) {
                items.append(item)
                if items.count == limit {
                    let more = index < pageItems.count - 1 || next != nil
                    return ListResult(
                        items: items, nextMarker: more ? item[request.markerField]?.stringValue : nil, pagesRead: pages,
                        markers: items.map { $0[request.markerField]?.stringValue })
                }
            }
            guard let next, !pageItems.isEmpty else {
                return ListResult(
                    items: items, nextMarker: nil, pagesRead: pages, markers: items.map { $0[request.markerField]?.stringValue })
            }
            response = try await cloud.get(request.service, url: next, endpoint: endpoint, from: response.url, headers: request.headers)
        }
    }

    /// Offset paging: each page asks for `limit` items from `offset`; a short page is the last.
    private func collectByOffset(
        _ request: ListRequest, limit: Int, marker: String?, filtered: Bool, matches: @Sendable (JSONValue) -> Bool
    ) async throws -> ListResult {
        var offset = Int(marker ?? "") ?? 0
        let pageSize = filtered ? min(request.maxPageSize, max(limit, 100)) : min(request.maxPageSize, limit)
        let base = request.query.filter { !["limit", "offset", "marker"].contains($0.name) }
        var items: [JSONValue] = []
        var markers: [String?] = []
        var pages = 0
        while true {
            let query = base + [URLQueryItem(name: "limit", value: String(pageSize)), URLQueryItem(name: "offset", value: String(offset))]
            let pageItems = request.items(in: try await cloud.get(request.service, path: request.path, query: query, headers: request.headers).json)
            pages += 1
            for (index, item) in pageItems.enumerated() where matches(item) {
                items.append(item)
                markers.append(String(offset + index + 1))
                if items.count == limit {
                    let more = index < pageItems.count - 1 || pageItems.count == pageSize
                    return ListResult(items: items, nextMarker: more ? markers.last! : nil, pagesRead: pages, markers: markers)
                }
            }
            guard pageItems.count == pageSize else {
                return ListResult(items: items, nextMarker: nil, pagesRead: pages, markers: markers)
            }
            offset += pageItems.count
        }
    }

    /// Reads every page of a collection (following next links, pages as large as the API allows)
    /// for answers whose pages do not line up with the items, such as tenant usage, which pages
    /// by instance while its items are projects.
    public func collectAll(_ request: ListRequest) async throws -> ListResult {
        let endpoint = try await cloud.endpoint(request.service)
        var query = request.query.filter { $0.name != "limit" && $0.name != "marker" }
        if request.supportsPaging { query.append(URLQueryItem(name: "limit", value: String(request.maxPageSize))) }
        var response = try await cloud.get(request.service, path: request.path, query: query, headers: request.headers)
        var items: [JSONValue] = []
        var pages = 0
        while true {
            pages += 1
            let pageItems = request.items(in: response.json)
            items += pageItems
            guard request.supportsPaging, !pageItems.isEmpty,
                let next = Self.nextLink(in: response.json, collectionKey: request.collectionKey)
            else { return ListResult(items: items, nextMarker: nil, pagesRead: pages) }
            response = try await cloud.get(request.service, url: next, endpoint: endpoint, from: response.url, headers: request.headers)
        }
    }

    /// A page URL under a service's versioned endpoint.
    static func url(_ endpoint: ResolvedEndpoint, _ path: String, _ query: [URLQueryItem]) -> String {
        var components = URLComponents()
        components.queryItems = query
        return endpoint.baseURL + (path.hasPrefix("/") ? path : "/" + path) + "?" + (components.percentEncodedQuery ?? "")
    }

    /// The next page's link as the answer gives it: `<collection>_links` rel=next (Nova, Neutron,
    /// Cinder), Keystone's `links.next`, or Glance's `next` (relative to its API root). The cloud
    /// moves it onto the catalog endpoint before requesting it (``EndpointLink``).
    static func nextLink(in json: JSONValue, collectionKey: String) -> String? {
        if let links = json["\(collectionKey)_links"]?.arrayValue ?? json["links"]?.arrayValue {
            return links.first { $0["rel"]?.stringValue == "next" }?["href"]?.stringValue
        }
        if let next = json["links"]?["next"]?.stringValue { return next }
        return json["next"]?.stringValue
    }
}
