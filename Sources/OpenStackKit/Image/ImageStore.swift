import Foundation

/// A Glance store (`GET /v2/info/stores`), offered only where multiple stores are enabled
/// (`enabled_backends`); elsewhere Glance answers 404.
public struct ImageStore: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .image, path: ResourcePath("info", "stores"), collectionKey: "stores", singularKey: nil,
        paging: .single, nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let description: String?
    /// Glance writes these flags as the string `"true"`, and leaves them out when false.
    public let isDefault: Bool
    public let isReadOnly: Bool

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ImageStore")
        description = json.text("description")
        isDefault = json["default"]?.boolValue ?? false
        isReadOnly = json["read-only"]?.boolValue ?? false
    }
}
