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
    /// The same widening where the API takes it as request headers (Designate's
    /// `X-Auth-All-Projects: true`); the resource then takes `all_projects` too.
    public let allProjectsHeaders: [(String, String)]
    /// The header that narrows a header-scoped list to one project (Designate's
    /// `X-Auth-Sudo-Project-ID`), sent for `project_id` in place of the widening headers.
    public let projectHeader: String?
    /// Whether the project scope also takes `project_id` (Nova's server groups take only
    /// `all_projects`).
    public let scopeTakesProject: Bool
    /// The query word that filters by exact name upstream; nil when the API has none and names are
    /// matched on the items read.
    public let nameFilter: String?
    /// Whether the name filter is a regular expression (Nova's servers): the lookup then anchors
    /// and escapes the name, so that it matches that name only.
    public let nameFilterIsRegex: Bool
    /// Filter values the name lookup always sets (Nova lists private flavors with `is_public=all`).
    public let nameLookupFilters: [String: JSONValue]
    /// Query words every list and show sends before the filters (`with_servers=true` for Nova's
    /// hypervisors).
    public let fixedQuery: [URLQueryItem]
    /// Query words the API does not page with (Nova refuses `limit` and `marker` next to
    /// `hypervisor_hostname_pattern`): a list that sends one is read in one request.
    public let unpagedWith: Set<String>
    /// Reads the items from a list answer when they are not plain objects under the collection
    /// key (Nova wraps each keypair in `{"keypair": …}`).
    public let extractItems: (@Sendable (JSONValue) -> [JSONValue])?
    /// The resource's secret inventory: fields (lowercased, at any depth of an item; for Swift,
    /// the headers) that hold a secret whatever their name says. Shown as `***` by the tools.
    public let secretFields: Set<String>

    public init(
        service: ServiceType, path: ResourcePath, listPath: ResourcePath? = nil, collectionKey: String,
        singularKey: String?, paging: Paging = .linked, markerField: String = "id", maxPageSize: Int = 1000,
        filters: [ResourceFilter] = [], allProjects: [URLQueryItem] = [],
        allProjectsHeaders: [(String, String)] = [], projectHeader: String? = nil, scopeTakesProject: Bool = true,
        nameFilter: String? = "name", nameFilterIsRegex: Bool = false, nameLookupFilters: [String: JSONValue] = [:],
        fixedQuery: [URLQueryItem] = [], unpagedWith: Set<String> = [], extractItems: (@Sendable (JSONValue) -> [JSONValue])? = nil,
        secretFields: Set<String> = []
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
        self.allProjectsHeaders = allProjectsHeaders
        self.projectHeader = projectHeader
        self.scopeTakesProject = scopeTakesProject
        self.nameFilter = nameFilter
        self.nameFilterIsRegex = nameFilterIsRegex
        self.nameLookupFilters = nameLookupFilters
        self.fixedQuery = fixedQuery
        self.unpagedWith = unpagedWith
        self.extractItems = extractItems
        self.secretFields = Set(secretFields.map { $0.lowercased() })
    }

    /// The list request for these argument values: each declared filter that is set becomes its
    /// query item, in declaration order; other keys are ignored (the tool's own arguments).
    public func listRequest(_ arguments: [String: JSONValue] = [:], allProjects widen: Bool = false) throws -> ListRequest {
        var query = fixedQuery
        if !allProjects.isEmpty {
            let project = scopeTakesProject ? try Self.projectScope.query(for: arguments["project_id"] ?? .null) : nil
            let all = try Self.allProjectsFlag.query(for: arguments["all_projects"] ?? .null)?.value == "true"
            if widen || all || project != nil { query += allProjects }
            if let project { query.append(project) }
        }
        var headers: [(String, String)] = []
        if !allProjectsHeaders.isEmpty {
            let project = try Self.projectScope.query(for: arguments["project_id"] ?? .null)?.value
            let all = try Self.allProjectsFlag.query(for: arguments["all_projects"] ?? .null)?.value == "true"
            if let project, let projectHeader { headers.append((projectHeader, project)) }
            else if widen || all { headers += allProjectsHeaders }
        }
        for filter in filters {
            if let value = arguments[filter.name], let item = try filter.query(for: value) { query.append(item) }
        }
        var request = ListRequest(
            service: service, path: listPath.description, collectionKey: collectionKey, query: query,
            supportsPaging: paging != .single, markerField: markerField, maxPageSize: maxPageSize,
            usesOffset: paging == .offset, extractItems: extractItems)
        request.pagesWithoutLinks = paging == .markerWithoutLinks
        request.headers = headers
        return unpagedIfNeeded(request)
    }

    /// The items of one list answer: the array under `collectionKey`, or what `extractItems` reads
    /// out of a differently shaped answer (Swift's bare arrays, Nova's wrapped keypairs).
    public func items(in document: JSONValue) -> [JSONValue] {
        extractItems?(document) ?? document[collectionKey]?.arrayValue ?? []
    }

    /// The path of one item, its ID encoded as one segment.
    public func itemPath(_ id: String) -> String { path.appending(id).description }

    /// The list that finds items by exact name: the name filter upstream where the API has one.
    public func nameLookup(_ name: String, allProjects widen: Bool = false) -> ListRequest {
        var request = (try? listRequest(nameLookupFilters, allProjects: widen))
            ?? ListRequest(service: service, path: listPath.description, collectionKey: collectionKey)
        if let nameFilter {
            let value = nameFilterIsRegex ? "^" + NSRegularExpression.escapedPattern(for: name) + "$" : name
            // The name goes first, as the tools always sent it.
            request.query.insert(URLQueryItem(name: nameFilter, value: value), at: 0)
        }
        return unpagedIfNeeded(request)
    }

    private func unpagedIfNeeded(_ request: ListRequest) -> ListRequest {
        var request = request
        if request.query.contains(where: { unpagedWith.contains($0.name) }) { request.supportsPaging = false }
        return request
    }

    /// The JSON Schema entries of the filters (and of the project scope), by argument name.
    public var schemaProperties: [String: JSONValue] {
        var properties = Dictionary(filters.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        if hasProjectScope {
            properties["all_projects"] = ["type": "boolean", "default": false, "description": "Every project (admin)"]
            if scopeTakesProject && (!allProjects.isEmpty || projectHeader != nil) { properties["project_id"] = Self.projectScope.schema }
        }
        return properties
    }

    /// The arguments of the project scope, read like filters.
    private static let allProjectsFlag = ResourceFilter.bool("all_projects")
    private static let projectScope = ResourceFilter.string("project_id", "Admin; implies all_projects")

    /// The argument names this resource takes as filters.
    public var filterNames: Set<String> {
        let takesProject = scopeTakesProject && (!allProjects.isEmpty || projectHeader != nil)
        let scope = !hasProjectScope ? [] : takesProject ? ["all_projects", "project_id"] : ["all_projects"]
        return Set(filters.map(\.name) + scope)
    }

    /// Whether the resource takes `all_projects` (by query words or by headers).
    public var hasProjectScope: Bool { !allProjects.isEmpty || !allProjectsHeaders.isEmpty }
}

/// A resource model with its declaration: its keys come from it, and the cloud can list and show
/// it on its own (see ``OpenStackCloud/list(_:filters:limit:)``).
public protocol DeclaredResource: OpenStackResource {
    static var declaration: ResourceDeclaration { get }
}

extension DeclaredResource {
    public static var collectionKey: String { declaration.collectionKey }
    public static var singularKey: String? { declaration.singularKey }
    public static var secretFields: Set<String> { declaration.secretFields }
}
