import Foundation

/// A provider driver this Octavia has enabled (`GET /v2/lbaas/providers`), known by its name.
public struct LoadBalancerProvider: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "providers"), collectionKey: "providers", singularKey: nil,
        paging: .single, markerField: "name", nameFilter: nil)

    public let raw: JSONValue
    public let name: String
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "LoadBalancerProvider")
        description = json.text("description")
    }
}
