import Foundation

/// An Octavia availability zone (`GET /v2/lbaas/availabilityzones`), known by its name: where a
/// provider may place a balancer, set by an availability zone profile.
public struct LoadBalancerAvailabilityZone: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "availabilityzones"), collectionKey: "availability_zones",
        singularKey: "availability_zone",
        // Octavia's marker finds an object by its `id`, which zones lack: the list is read whole.
        paging: .single, markerField: "name", filters: [.bool("enabled")])

    public let raw: JSONValue
    public let name: String
    public let description: String?
    public let enabled: Bool?
    public let profileID: String?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "LoadBalancerAvailabilityZone")
        description = json.text("description")
        enabled = json["enabled"]?.boolValue
        profileID = json.text("availability_zone_profile_id")
    }
}
