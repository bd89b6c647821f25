import Foundation
import OpenStackKit

/// A show tool over one OpenStack resource, found by ID or by name, declared as data.
///
/// It tries the ID first (`GET <path>/<id>`); on a 404 it lists by name (server-side filter where
/// the API has one) and shows the single match, or names the candidates when several match.
struct ShowTool<Resource: OpenStackResource>: Sendable {
    var name: String
    var title: String
    var description: String
    /// Singular noun used in messages, e.g. "server".
    var noun: String
    var service: ServiceType
    /// Path of one resource, e.g. `{ "/servers/\($0)" }`.
    var path: @Sendable (String) -> String
    /// The list used to find a resource by name, for the given name.
    var findByName: @Sendable (String) -> ListRequest
    /// The resource's name, compared exactly (then case-insensitively) to the argument.
    var nameOf: @Sendable (Resource) -> String?
    /// Added to the name lookup when the caller is an admin (e.g. Cinder's `all_tenants`), so that
    /// admins find names in every project and other users in their own, without a 403.
    var adminNameLookupQuery: URLQueryItem? = nil
    /// Headers an admin sends on the read by ID and on the name lookup (Designate's
    /// `X-Auth-All-Projects`), so that an admin finds the item in any project.
    var adminHeaders: [(String, String)] = []
    var extraProperties: [String: JSONValue] = [:]
    /// Query parameters of the show request (e.g. `with_servers=true`).
    var query: [URLQueryItem] = []
    /// Query parameters of the name lookup that only admins may send (e.g. `all_tenants`); they
    /// are dropped for other users, who then find names in their own project.
    var adminOnlyQuery: Set<String> = []
    var lookups: (@Sendable (OpenStackCloud, [Resource]) async -> Lookups)? = nil
    var basic: @Sendable (Resource, Lookups) -> [String: JSONValue]
    var detailed: @Sendable (Resource, Lookups) -> [String: JSONValue]
    /// The `full` item when it is more than the resource's own object.
    var full: (@Sendable (Resource, Lookups) -> JSONValue)? = nil
    /// Detail levels that run `lookups`.
    var lookupLevels: Set<DetailLevel> = [.basic, .detailed]
    /// Reads that need only the resource's ID, started together with the read of the resource
    /// when the key is a UUID (a router's interface ports); `lookupsAfterPrefetch` gets their result.
    var prefetch: (@Sendable (OpenStackCloud, String) async -> Lookups)? = nil
    /// Replaces `lookups` where there is a `prefetch`: the page's lookups, given what it found.
    var lookupsAfterPrefetch: (@Sendable (OpenStackCloud, [Resource], Lookups) async -> Lookups)? = nil

    var definition: ToolDefinition {
        var properties: [String: JSONValue] = [
            "id": Schema.string("\(noun.capitalized) ID or name"),
            "detail_level": Schema.detailLevel,
        ]
        properties.merge(extraProperties) { _, new in new }
        let schema: JSONValue = [
            "type": "object", "properties": .object(properties), "required": ["id"], "additionalProperties": false,
        ]
        let tool = self
        return ToolDefinition(
            name: name, title: title, description: description, inputSchema: schema, outputSchema: Schema.showOutput
        ) { context, arguments in
            return try await tool.run(context: context, arguments: arguments)
        }
    }

    func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        guard let key = try arguments.string("id") else {
            throw ToolArgumentError(argument: "id", problem: "required: the \(noun)'s ID or name")
        }
        let detail = try arguments.detailLevel()
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        let wantsLookups = lookupLevels.contains(detail)
        let resource: Resource
        var prefetched = Lookups()
        if wantsLookups, let prefetch, UUID(uuidString: key) != nil {
            async let early = prefetch(cloud, key.lowercased())
            resource = try await find(key, cloud: cloud)
            prefetched = await early
        } else {
            resource = try await find(key, cloud: cloud)
        }
        let found: Lookups
        if !wantsLookups {
            found = Lookups()
        } else if let lookupsAfterPrefetch {
            found = await lookupsAfterPrefetch(cloud, [resource], prefetched)
        } else {
            found = await (lookups?(cloud, [resource]) ?? Lookups())
        }
        let item: JSONValue
        switch detail {
        case .full: item = Redactor.redact(full?(resource, found) ?? resource.raw, fields: Resource.secretFields)
        case .basic: item = Redactor.redact(.object(basic(resource, found)), fields: Resource.secretFields)
        case .detailed:
            item = Redactor.redact(.object(basic(resource, found).merging(detailed(resource, found)) { _, new in new }), fields: Resource.secretFields)
        }
        return ShowOutput.result(item: item, cloud: cloud.name, region: await cloud.effectiveRegion())
    }

    /// By ID, else by exact name, else by case-insensitive name. With `tryID: false` the key is
    /// taken as a name straight away.
    func find(_ key: String, cloud: OpenStackCloud, tryID: Bool = true) async throws -> Resource {
        guard tryID else { return try await find(name: key, cloud: cloud, notFound: nil) }
        do {
            let encoded = PathSegment.encode(key)
            let headers = adminHeaders.isEmpty ? [] : try await cloud.token().isAdmin ? adminHeaders : []
            let response = try await cloud.get(service, path: path(encoded), query: query, headers: headers)
            return try Resource.show(from: response.json)
        } catch let error as OpenStackError where error.kind == .http && (error.status == 404 || error.status == 400) {
            return try await find(name: key, cloud: cloud, notFound: error)
        }
    }

    private func find(name key: String, cloud: OpenStackCloud, notFound: OpenStackError?) async throws -> Resource {
        var request = findByName(key)
        if !adminOnlyQuery.isEmpty, try await !cloud.token().isAdmin {
            request.query.removeAll { adminOnlyQuery.contains($0.name) }
        }
        if let extra = adminNameLookupQuery, try await cloud.token().isAdmin { request.query.append(extra) }
        if !adminHeaders.isEmpty, try await cloud.token().isAdmin { request.headers += adminHeaders }
        let listing = try await Pager(cloud: cloud).collect(request, limit: 1000, filtered: true) { json in
            guard let resource = try? Resource(json: json) else { return false }
            return nameOf(resource)?.lowercased() == key.lowercased()
        }
        let candidates = try listing.items.map(Resource.init(json:))
        let exact = candidates.filter { nameOf($0) == key }
        let matches = exact.isEmpty ? candidates : exact
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw OpenStackError(
                // A status only when the service gave one: the name lookup itself answers 200, empty.
                kind: .http, service: service.projectName, method: "GET", url: notFound?.url ?? request.path, status: notFound?.status,
                message: "no \(noun) has the ID or name '\(key)'", requestID: notFound?.requestID,
                nextStep: "list them with the matching get_ tool and its filter argument")
        }
        let ids = matches.prefix(10).compactMap { $0.raw["id"]?.stringValue }.joined(separator: ", ")
        throw ToolArgumentError(
            argument: "id", problem: "\(matches.count) \(noun)s are named '\(key)'; pass one of their IDs: \(ids)")
    }
}

/// Builds the result of a show tool.
enum ShowOutput {
    static func result(item: JSONValue, cloud: String, region: String?, notes: [String] = []) -> ToolResult {
        var document: [String: JSONValue] = ["item": item, "cloud": .string(cloud)]
        if let region { document["region"] = .string(region) }
        if !notes.isEmpty { document["notes"] = .array(notes.map(JSONValue.string)) }
        // A cross-service answer cut by --call-timeout says so: its notes name the parts it lacks.
        if CallBudget.current?.isExhausted == true { document["partial"] = .bool(true) }
        return .structured(.object(document))
    }
}

extension ShowTool where Resource: DeclaredResource {
    /// A show tool whose service, item path and name lookup come from the resource's declaration.
    init(
        name: String, title: String, description: String, noun: String,
        nameOf: @escaping @Sendable (Resource) -> String?, extraProperties: [String: JSONValue] = [:],
        lookups: (@Sendable (OpenStackCloud, [Resource]) async -> Lookups)? = nil,
        basic: @escaping @Sendable (Resource, Lookups) -> [String: JSONValue],
        detailed: @escaping @Sendable (Resource, Lookups) -> [String: JSONValue],
        full: (@Sendable (Resource, Lookups) -> JSONValue)? = nil, lookupLevels: Set<DetailLevel> = [.basic, .detailed],
        prefetch: (@Sendable (OpenStackCloud, String) async -> Lookups)? = nil,
        lookupsAfterPrefetch: (@Sendable (OpenStackCloud, [Resource], Lookups) async -> Lookups)? = nil
    ) {
        let declaration = Resource.declaration
        self.init(
            name: name, title: title, description: description, noun: noun, service: declaration.service,
            // ShowTool encodes the key before it asks for the path.
            path: { "\(declaration.path)/\($0)" },
            findByName: { declaration.nameLookup($0) },
            // An admin finds names in every project (Cinder's all_tenants), other users in their own.
            nameOf: nameOf, adminNameLookupQuery: declaration.allProjects.first, adminHeaders: declaration.allProjectsHeaders,
            extraProperties: extraProperties,
            query: declaration.fixedQuery, lookups: lookups, basic: basic, detailed: detailed, full: full,
            lookupLevels: lookupLevels, prefetch: prefetch, lookupsAfterPrefetch: lookupsAfterPrefetch)
    }
}
