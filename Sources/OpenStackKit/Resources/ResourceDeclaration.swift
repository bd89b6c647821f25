import Foundation

/// How a collection pages.
public enum Paging: Sendable, Equatable {
    /// `limit` and `marker`, with a next link (`<collection>_links`, Glance's `next`).
    case linked
    /// `limit` and `marker` without links: a full page means that more may follow (Cinder's attachments).
    case markerWithoutLinks
    /// `limit` and `offset`, no links (Nova's server groups).
    case offset
    /// One request returns everything.
    case single
    /// Pages that do not line up with the items (Nova's tenant usage pages by instance): every
    /// page is read and the tool merges the items.
    case allThenMerge
}

/// One OpenStack resource type, declared once: where it lives, how it pages and how it is
/// filtered. The list request, the request for one by ID, the lookup by exact name, the JSON
/// Schema entries of its filters and their checks all derive from it.
public struct ResourceDeclaration: Sendable {
    public let service: ServiceType
    /// The collection, e.g. `ResourcePath("subnets")`; one item is this path and its ID.
    public let path: ResourcePath
    /// The collection's path when listing differs (`/servers/detail` for `/servers`).
    public let listPath: ResourcePath
    /// Key of the array in a list answer, e.g. `subnets`.
    public let collectionKey: String
    /// Key that wraps one item in a show answer, e.g. `subnet`; nil when unwrapped (Glance).
    public let singularKey: String?
    public let paging: Paging
    /// Field whose value is the marker (almost always `id`).
    public let markerField: String
    /// The most items one page may ask for.
    public let maxPageSize: Int
    /// The server-side filters.
    public let filters: [ResourceFilter]
    /// Query words that widen a list to every project (`all_tenants=True` for Nova, `all_tenants=1`
    /// for Cinder). When set, the resource takes `all_projects` and `project_id` (admin; it implies
    /// all projects), and either one sends these words first.
    public let allProjects: [URLQueryItem]
    /// The query word that filters by exact name upstream; nil when the API has none and names are
    /// matched on the items read.
    public let nameFilter: String?

    public init(
        service: ServiceType, path: ResourcePath, listPath: ResourcePath? = nil, collectionKey: String,
        singularKey: String?, paging: Paging = .linked, markerField: String = "id", maxPageSize: Int = 1000,
        filters: [ResourceFilter] = [], allProjects: [URLQueryItem] = [], nameFilter: String? = "name"
    ) {
        self.service = service
        self.path = path
        self.listPath = listPath ?? path
        self.collectionKey = collectionKey
        self.singularKey = singularKey
        self.paging = paging
        self.markerField = markerField
        self.maxPageSize = maxPageSize
        self.filters = filters
        self.allProjects = allProjects
        self.nameFilter = nameFilter
    }

    /// The list request for these argument values: each declared filter that is set becomes its
    /// query item, in declaration order; other keys are ignored (the tool's own arguments).
    public func listRequest(_ arguments: [String: JSONValue] = [:], allProjects widen: Bool = false) throws -> ListRequest {
        var query: [URLQueryItem] = []
        if !allProjects.isEmpty {
            let project = try Self.projectScope.query(for: arguments["project_id"] ?? .null)
            let all = try Self.allProjectsFlag.query(for: arguments["all_projects"] ?? .null)?.value == "true"
            if widen || all || project != nil { query += allProjects }
            if let project { query.append(project) }
        }
        for filter in filters {
            if let value = arguments[filter.name], let item = try filter.query(for: value) { query.append(item) }
        }
        var request = ListRequest(
            service: service, path: listPath.description, collectionKey: collectionKey, query: query,
            supportsPaging: paging != .single, markerField: markerField, maxPageSize: maxPageSize,
            usesOffset: paging == .offset)
        request.pagesWithoutLinks = paging == .markerWithoutLinks
        return request
    }

    /// The path of one item, its ID encoded as one segment.
    public func itemPath(_ id: String) -> String { path.appending(id).description }

    /// The list that finds items by exact name: the name filter upstream where the API has one.
    public func nameLookup(_ name: String, allProjects widen: Bool = false) -> ListRequest {
        var request = (try? listRequest([:], allProjects: widen))
            ?? ListRequest(service: service, path: listPath.description, collectionKey: collectionKey)
        if let nameFilter { request.query.append(URLQueryItem(name: nameFilter, value: name)) }
        return request
    }

    /// The JSON Schema entries of the filters (and of the project scope), by argument name.
    public var schemaProperties: [String: JSONValue] {
        var properties = Dictionary(filters.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        if !allProjects.isEmpty {
            properties["all_projects"] = ["type": "boolean", "default": false, "description": "Every project (admin)"]
            properties["project_id"] = Self.projectScope.schema
        }
        return properties
    }

    /// The arguments of the project scope, read like filters.
    private static let allProjectsFlag = ResourceFilter.bool("all_projects")
    private static let projectScope = ResourceFilter.string("project_id", "Admin; implies all_projects")

    /// The argument names this resource takes as filters.
    public var filterNames: Set<String> {
        Set(filters.map(\.name) + (allProjects.isEmpty ? [] : ["all_projects", "project_id"]))
    }
}

/// A resource model with its declaration: its keys come from it, and the cloud can list and show
/// it on its own (see ``OpenStackCloud/list(_:filters:limit:)``).
public protocol DeclaredResource: OpenStackResource {
    static var declaration: ResourceDeclaration { get }
}

extension DeclaredResource {
    public static var collectionKey: String { declaration.collectionKey }
    public static var singularKey: String? { declaration.singularKey }
}
