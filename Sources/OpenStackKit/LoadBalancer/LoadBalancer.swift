import Foundation

/// An Octavia load balancer (`GET /v2/lbaas/loadbalancers`). An admin's list holds every project.
public struct LoadBalancer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "loadbalancers"), collectionKey: "loadbalancers",
        singularKey: "loadbalancer",
        filters: OctaviaStatus.filters + [.string("vip_address"), .string("project_id", "Admin: one project")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let vipAddress: String?
    public let vipSubnetID: String?
    public let vipPortID: String?
    public let listenerIDs: [String]
    public let poolIDs: [String]
    public let provider: String?
    public let projectID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "LoadBalancer")
        name = json.text("name")
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        vipAddress = json.text("vip_address")
        vipSubnetID = json.text("vip_subnet_id")
        vipPortID = json.text("vip_port_id")
        listenerIDs = OctaviaRefs.ids(json["listeners"])
        poolIDs = OctaviaRefs.ids(json["pools"])
        provider = json.text("provider")
        projectID = json.text("project_id")
    }
}
