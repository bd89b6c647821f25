import Foundation

/// One extension this Neutron offers (`GET /v2.0/extensions`), known by its alias.
public struct NetworkExtension: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("extensions"), collectionKey: "extensions", singularKey: "extension",
        paging: .single, markerField: "alias", nameFilter: nil)

    public let raw: JSONValue
    public let alias: String
    public let name: String?
    public let description: String?
    public let updated: String?

    public init(json: JSONValue) throws {
        raw = json
        alias = try json.required("alias", in: "NetworkExtension")
        name = json.text("name")
        description = json.text("description")
        updated = json.text("updated")
    }
}
