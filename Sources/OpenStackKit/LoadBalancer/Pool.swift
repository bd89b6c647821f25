import Foundation

/// An Octavia pool (`GET /v2/lbaas/pools`).
public struct Pool: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "pools"), collectionKey: "pools", singularKey: "pool",
        filters: OctaviaStatus.filters + [.string("loadbalancer_id")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let protocolName: String?
    public let algorithm: String?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let loadBalancerIDs: [String]
    public let listenerIDs: [String]
    public let memberIDs: [String]
    public let healthMonitorID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Pool")
        name = json.text("name")
        protocolName = json.text("protocol")
        algorithm = json.text("lb_algorithm")
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        loadBalancerIDs = OctaviaRefs.ids(json["loadbalancers"])
        listenerIDs = OctaviaRefs.ids(json["listeners"])
        memberIDs = OctaviaRefs.ids(json["members"])
        healthMonitorID = json.text("healthmonitor_id")
    }
}
