import Foundation
import OpenStackKit

extension ListTool where Resource: DeclaredResource {
    /// A list tool whose schema entries and request come from the resource's declaration: its
    /// filters (and project scope) become arguments, and the set ones become the query.
    ///
    /// `extraProperties` adds arguments of the tool's own (a parent such as `group`), merged over
    /// the declared ones; `prepare` completes the request (the parent's path).
    init(
        name: String, title: String, description: String, noun: String,
        extraProperties: [String: JSONValue] = [:], required: [String] = [],
        searchFields: @escaping @Sendable (Resource) -> [String?],
        lookups: (@Sendable (OpenStackCloud, [Resource]) async -> Lookups)? = nil,
        basic: @escaping @Sendable (Resource, Lookups) -> [String: JSONValue],
        detailed: @escaping @Sendable (Resource, Lookups) -> [String: JSONValue],
        prepare: (@Sendable (OpenStackCloud, ToolArguments, ListRequest) async throws -> ListRequest)? = nil,
        parentMissing: (@Sendable (ToolArguments) -> (message: String, nextStep: String))? = nil,
        emptyExplanation: (@Sendable (ToolArguments) -> String)? = nil,
        lookupLevels: Set<DetailLevel> = [.basic, .detailed]
    ) {
        let declaration = Resource.declaration
        self.init(
            name: name, title: title, description: description, noun: noun,
            extraProperties: Schema.filters(of: declaration).merging(extraProperties) { _, own in own },
            required: required, request: declaration.request, searchFields: searchFields, lookups: lookups,
            basic: basic, detailed: detailed, prepare: prepare, lookupLevels: lookupLevels, parentMissing: parentMissing,
            emptyExplanation: emptyExplanation)
    }
}
