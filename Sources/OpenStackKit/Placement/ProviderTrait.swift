import Foundation

/// One trait of a resource provider, from `GET /resource_providers/{uuid}/traits` (1.6+).
///
/// Placement answers with bare names; each becomes an item `{"name": …}`.
public struct ProviderTrait: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("resource_providers"), collectionKey: "traits", singularKey: nil,
        paging: .single, markerField: "name", nameFilter: nil, extractItems: { Self.names($0["traits"]) })

    /// The traits of one provider, its UUID encoded as one segment.
    public static func path(provider: String) -> String {
        ResourcePath("resource_providers").appending(provider).appending(literal: "traits").description
    }

    /// `{"name": …}` for each string of a trait list.
    static func names(_ list: JSONValue?) -> [JSONValue] {
        (list?.arrayValue ?? []).compactMap { $0.stringValue.map { ["name": .string($0)] } }
    }

    public let raw: JSONValue
    public let name: String

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "ProviderTrait")
    }

    /// Whether an operator defined it (`CUSTOM_*`) rather than os-traits.
    public var isCustom: Bool { name.hasPrefix("CUSTOM_") }
}

/// One aggregate a resource provider is in, from `GET /resource_providers/{uuid}/aggregates`
/// (1.1+; `resource_provider_generation` from 1.19). Nova's host aggregates share these UUIDs.
public struct ProviderAggregate: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("resource_providers"), collectionKey: "aggregates", singularKey: nil,
        paging: .single, markerField: "uuid", nameFilter: nil,
        extractItems: { ($0["aggregates"]?.arrayValue ?? []).compactMap { $0.stringValue.map { ["uuid": .string($0)] } } })

    /// The aggregates of one provider, its UUID encoded as one segment.
    public static func path(provider: String) -> String {
        ResourcePath("resource_providers").appending(provider).appending(literal: "aggregates").description
    }

    public let raw: JSONValue
    public let uuid: String

    public init(json: JSONValue) throws {
        raw = json
        uuid = try json.required("uuid", in: "ProviderAggregate")
    }
}
