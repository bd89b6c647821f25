import Foundation

/// A Manila share type (`GET /v2/types`): its extra specs say which backends may hold it.
public struct ShareType: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("types"), collectionKey: "share_types", singularKey: "share_type",
        paging: .single, filters: [.enumeration("is_public", ["true", "false", "all"])], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let isPublic: Bool?
    public let description: String?
    /// `driver_handles_share_servers` and the others a backend must match.
    public let requiredExtraSpecs: [String: String]
    public let extraSpecs: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareType")
        name = json.text("name")
        isPublic = (json["share_type_access:is_public"] ?? json["os-share-type-access:is_public"])?.boolValue
        description = json.text("description")
        requiredExtraSpecs = Self.specs(json["required_extra_specs"])
        extraSpecs = Self.specs(json["extra_specs"])
    }

    /// Specs as text: Manila writes booleans as strings, but a sample may not.
    static func specs(_ value: JSONValue?) -> [String: String] {
        (value?.objectValue ?? [:]).compactMapValues { $0.stringValue ?? $0.boolValue.map(String.init) ?? $0.intValue.map(String.init) }
    }
}
