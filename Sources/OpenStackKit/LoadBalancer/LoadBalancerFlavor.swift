import Foundation

/// An Octavia flavor (`GET /v2/lbaas/flavors`): a named set of provider options (topology,
/// compute flavor) a balancer can be made with.
public struct LoadBalancerFlavor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "flavors"), collectionKey: "flavors", singularKey: "flavor",
        filters: [.bool("enabled")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let enabled: Bool?
    public let flavorProfileID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "LoadBalancerFlavor")
        name = json.text("name")
        description = json.text("description")
        enabled = json["enabled"]?.boolValue
        flavorProfileID = json.text("flavor_profile_id")
    }
}
