import Foundation
import MCP
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
    var extraProperties: [String: Value] = [:]
    var lookups: (@Sendable (OpenStackCloud, [Resource]) async -> Lookups)? = nil
    var basic: @Sendable (Resource, Lookups) -> [String: JSONValue]
    var detailed: @Sendable (Resource, Lookups) -> [String: JSONValue]

    var definition: ToolDefinition {
        var properties: [String: Value] = [
            "id": Schema.string("The \(noun)'s ID, or its exact name."),
            "detail_level": [
                "type": "string", "enum": ["basic", "detailed", "full"], "default": "detailed",
                "description": "basic: the CLI's columns; detailed: what an operator needs next; full: the whole API object (secrets redacted).",
            ],
            "cloud": Schema.cloudProperty,
            "region": Schema.regionProperty,
        ]
        properties.merge(extraProperties) { _, new in new }
        let schema: Value = [
            "type": "object", "properties": .object(properties), "required": ["id"], "additionalProperties": false,
        ]
        let allowed = Set(properties.keys)
        let tool = self
        return ToolDefinition(
            name: name, title: title, description: description, inputSchema: schema, outputSchema: Schema.showOutput
        ) { context, arguments in
            try arguments.checkKnown(allowed)
            return try await tool.run(context: context, arguments: arguments)
        }
    }

    func run(context: ToolContext, arguments: ToolArguments) async throws -> CallTool.Result {
        guard let key = try arguments.string("id") else {
            throw ToolArgumentError(argument: "id", problem: "required: the \(noun)'s ID or name")
        }
        let detail = DetailLevel(
            rawValue: try arguments.choice("detail_level", allowed: DetailLevel.allCases.map(\.rawValue), default: "detailed"))!
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        let resource = try await find(key, cloud: cloud)
        let found = detail == .full ? Lookups() : await (lookups?(cloud, [resource]) ?? Lookups())
        let item: JSONValue
        switch detail {
        case .full: item = Redactor.redact(resource.raw)
        case .basic: item = Redactor.redact(.object(basic(resource, found)))
        case .detailed:
            item = Redactor.redact(.object(basic(resource, found).merging(detailed(resource, found)) { _, new in new }))
        }
        return ShowOutput.result(item: item, cloud: cloud.name, region: await cloud.effectiveRegion())
    }

    /// By ID, else by exact name, else by case-insensitive name.
    func find(_ key: String, cloud: OpenStackCloud) async throws -> Resource {
        do {
            let encoded = key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key
            let response = try await cloud.get(service, path: path(encoded))
            return try Resource.show(from: response.json)
        } catch let error as OpenStackError where error.status == 404 || error.status == 400 {
            let listing = try await Pager(cloud: cloud).collect(findByName(key), limit: 1000, filtered: true) { json in
                guard let resource = try? Resource(json: json) else { return false }
                return nameOf(resource)?.lowercased() == key.lowercased()
            }
            let candidates = try listing.items.map(Resource.init(json:))
            let exact = candidates.filter { nameOf($0) == key }
            let matches = exact.isEmpty ? candidates : exact
            if matches.count == 1 { return matches[0] }
            if matches.isEmpty {
                throw OpenStackError(
                    kind: .http, service: service.projectName, method: "GET", url: error.url, status: 404,
                    message: "no \(noun) has the ID or name '\(key)'", requestID: error.requestID,
                    nextStep: "list them with the matching get_ tool and its filter argument")
            }
            let ids = matches.prefix(10).compactMap { $0.raw["id"]?.stringValue }.joined(separator: ", ")
            throw ToolArgumentError(
                argument: "id", problem: "\(matches.count) \(noun)s are named '\(key)'; pass one of their IDs: \(ids)")
        }
    }
}

/// Builds the result of a show tool.
enum ShowOutput {
    static func result(item: JSONValue, cloud: String, region: String?, notes: [String] = []) -> CallTool.Result {
        var document: [String: JSONValue] = ["item": item, "cloud": .string(cloud)]
        if let region { document["region"] = .string(region) }
        if !notes.isEmpty { document["notes"] = .array(notes.map(JSONValue.string)) }
        let json = JSONValue.object(document)
        return CallTool.Result(
            content: [.text(text: json.compactText(), annotations: nil, _meta: nil)],
            structuredContent: Optional<Value>.some(Value(json)), isError: false)
    }
}
