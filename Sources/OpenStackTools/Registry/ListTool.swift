import Foundation
import OpenStackKit

/// Names looked up in batches for a page of resources (never one request per item).
struct Lookups: Sendable {
    var imageNames: [String: String] = [:]
    var flavorNames: [String: String] = [:]
    /// Neutron names and records (see `NeutronLookup`).
    var network = NeutronLookups()
    /// Other values found for the page, by kind then ID (`volume` and `server` names, a
    /// hypervisor's `placement` usage, an action's `events`, ...).
    var values: [String: [String: JSONValue]] = [:]

    /// The name of kind `kind` (`volume`, `server`, ...) for an ID, when the lookup found it.
    func name(_ kind: String, _ id: String?) -> String? {
        id.flatMap { values[kind]?[$0]?.stringValue }
    }
}

/// A list tool over one OpenStack collection, declared as data.
///
/// It handles the common parameters (filter, limit, detail_level, cursor, cloud), paging, the
/// byte cap and the projections; a concrete tool supplies only the request and its columns.
struct ListTool<Resource: OpenStackResource>: Sendable {
    var name: String
    var title: String
    var description: String
    /// Singular noun for the filter description, e.g. "server".
    var noun: String
    var extraProperties: [String: JSONValue] = [:]
    /// Arguments a call must give (in the schema's `required`, checked before any request).
    var required: [String] = []
    /// Builds the upstream request, including server-side filters, from the arguments.
    var request: @Sendable (ToolArguments) throws -> ListRequest
    /// Fields the `filter` argument matches as a case-insensitive substring (the ID always matches too).
    var searchFields: @Sendable (Resource) -> [String?]
    /// Batched lookups for a page, used by the projections.
    var lookups: (@Sendable (OpenStackCloud, [Resource]) async -> Lookups)? = nil
    /// The columns of `openstack <thing> list`.
    var basic: @Sendable (Resource, Lookups) -> [String: JSONValue]
    /// Extra fields for `detailed`, merged over `basic`.
    var detailed: @Sendable (Resource, Lookups) -> [String: JSONValue]
    /// Completes the request with what only the cloud knows: the token's project or roles, the
    /// negotiated microversion, a server's ID found from its name.
    var prepare: (@Sendable (OpenStackCloud, ToolArguments, ListRequest) async throws -> ListRequest)? = nil
    /// Set when the API's pages do not line up with the items (tenant usage pages by instance
    /// while its items are projects): every page is read, this merges the items, and the
    /// filter, limit and cursor then apply to the merged items.
    var mergeAllPages: (@Sendable ([JSONValue]) -> [JSONValue])? = nil
    /// Detail levels that run `lookups` (skip them where the columns do not use them).
    var lookupLevels: Set<DetailLevel> = [.basic, .detailed]
    /// The `full` item when it is more than the listed object (e.g. an action with its events).
    var full: (@Sendable (Resource, Lookups) -> JSONValue)? = nil
    /// Called when the first page is empty. Some APIs hide what a user may not see instead of
    /// refusing (Neutron lists no agents to a non-admin): this turns that silence into an error.
    var explainEmpty: (@Sendable (OpenStackCloud) async throws -> Void)? = nil
    /// What a 404 on the collection means when the path names a parent (a Swift container, a
    /// pool): that parent is missing, not the API. Nil keeps the "API not offered" reading.
    var parentMissing: (@Sendable (ToolArguments) -> (message: String, nextStep: String))? = nil
    /// Words added to the note of an empty answer, where "0 items" does not say enough (no
    /// provider satisfies a request: which request, and what to try next).
    var emptyExplanation: (@Sendable (ToolArguments) -> String)? = nil
    /// Checks the arguments against the caller's roles before anything is read.
    var precheck: (@Sendable (ToolArguments, OpenStackCloud) async throws -> Void)? = nil

    var definition: ToolDefinition {
        var properties = Schema.listProperties(noun: noun)
        properties.merge(extraProperties) { _, new in new }
        let tool = self
        return ToolDefinition(
            name: name, title: title, description: description, inputSchema: Schema.object(properties, required: required),
            outputSchema: Schema.listOutput
        ) { context, arguments in
            return try await tool.run(context: context, arguments: arguments)
        }
    }

    func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        let limit = try arguments.int("limit", default: 100, range: 1...1000)
        let detail = try arguments.detailLevel()
        let filter = try arguments.string("filter")?.lowercased()
        let marker = try arguments.string("cursor").map { try Cursor.decode($0, tool: name) }
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        var listRequest = try request(arguments)
        try await precheck?(arguments, cloud)
        if let prepare { listRequest = try await prepare(cloud, arguments, listRequest) }

        let searchFields = self.searchFields
        let matches: @Sendable (JSONValue) -> Bool = { json in
            guard let filter else { return true }
            guard let resource = try? Resource(json: json) else { return false }
            if json["id"]?.stringValue?.lowercased().contains(filter) == true { return true }
            return searchFields(resource).contains { $0?.lowercased().contains(filter) == true }
        }
        let page: ListResult
        do {
            if let mergeAllPages {
                let all = try await Pager(cloud: cloud).collectAll(listRequest)
                page = Self.window(
                    mergeAllPages(all.items), after: marker, limit: limit, markerField: listRequest.markerField,
                    pagesRead: all.pagesRead, matches: matches)
            } else {
                page = try await Pager(cloud: cloud).collect(
                    listRequest, limit: limit, marker: marker, filtered: filter != nil, matches: matches)
            }
        } catch var error as OpenStackError where error.kind == .http && error.status == 404 && marker == nil && parentMissing != nil {
            let missing = parentMissing!(arguments)
            (error.message, error.nextStep) = (missing.message, missing.nextStep)
            throw error
        } catch var error as OpenStackError where error.kind == .http && error.status == 404 && marker == nil {
            // A 404 on a collection, not on one item: this cloud does not serve that API at all.
            error.message = Self.missingAPI(listRequest, upstream: error.message)
            error.nextStep = "ask the cloud's operators whether they enable it"
                + (listRequest.service == .network ? " (`openstack extension list --network` lists what Neutron offers)" : "")
                + "; the other tools keep working"
            throw error
        }
        if page.items.isEmpty, marker == nil, let explainEmpty { try await explainEmpty(cloud) }
        let resources = try page.items.map { json in
            do { return try Resource(json: json) } catch {
                throw OpenStackError(
                    kind: .decoding, service: listRequest.service.projectName, url: listRequest.path,
                    message: "an item could not be read: \(error)")
            }
        }
        let found = lookupLevels.contains(detail) ? await (lookups?(cloud, resources) ?? Lookups()) : Lookups()
        let projected: [JSONValue] = resources.map { resource in
            switch detail {
            case .full: return Redactor.redact(full?(resource, found) ?? resource.raw, fields: Resource.secretFields)
            case .basic: return Redactor.redact(.object(basic(resource, found)), fields: Resource.secretFields)
            case .detailed:
                return Redactor.redact(.object(basic(resource, found).merging(detailed(resource, found)) { _, new in new }), fields: Resource.secretFields)
            }
        }
        let (kept, truncated, shortened) = ListOutput.capped(projected, maxBytes: context.settings.maxResultBytes)
        let nextMarker = truncated ? page.markers[kept.count - 1] : page.nextMarker
        context.logger.debug(
            "list", metadata: ["tool": "\(name)", "items": "\(kept.count)", "pages": "\(page.pagesRead)"])
        let region = await cloud.effectiveRegion()
        var notes = shortened
        if kept.isEmpty {
            notes.append(
                marker == nil
                    ? ListOutput.emptyNote(
                        noun: noun, arguments: arguments, projectScoped: extraProperties["all_projects"] != nil,
                        project: try? await cloud.token().projectName, cloud: cloud.name, region: region)
                    : "No more \(noun)s after this cursor.")
            if marker == nil, let emptyExplanation { notes.append(emptyExplanation(arguments)) }
        }
        return ListOutput.result(
            items: kept, nextCursor: nextMarker.map { Cursor.encode(tool: name, marker: $0) }, truncated: truncated,
            cloud: cloud.name, region: region, notes: notes)
    }

    /// Why a list answered 404: the API (for Neutron, an extension) is missing on this cloud.
    static func missingAPI(_ request: ListRequest, upstream: String) -> String {
        let what = request.service == .network ? "the Neutron extension that serves \(request.path) is not enabled" : "this \(request.service.projectName) does not offer \(request.path)"
        return "\(what) on this cloud, so there is nothing to list (\(upstream))"
    }

    /// Up to `limit` matching items after the one whose `markerField` is `marker`.
    static func window(
        _ all: [JSONValue], after marker: String?, limit: Int, markerField: String, pagesRead: Int,
        matches: (JSONValue) -> Bool
    ) -> ListResult {
        var rest = all[...]
        if let marker, let index = all.firstIndex(where: { $0[markerField]?.stringValue == marker }) {
            rest = all[(index + 1)...]
        }
        let matching = rest.filter(matches)
        let page = Array(matching.prefix(limit))
        return ListResult(
            items: page, nextMarker: matching.count > limit ? page.last?[markerField]?.stringValue : nil,
            pagesRead: pagesRead, markers: page.map { $0[markerField]?.stringValue })
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Drops nil values so that absent fields are absent, not null.
    static func compact(_ pairs: [(String, JSONValue?)]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, value) in pairs { if let value { result[key] = value } }
        return result
    }
}

extension Optional where Wrapped == String {
    var json: JSONValue? { map(JSONValue.string) }
}

extension Optional where Wrapped == Int {
    var json: JSONValue? { map(JSONValue.int) }
}

extension Optional where Wrapped == Bool {
    var json: JSONValue? { map(JSONValue.bool) }
}
