import Foundation

/// An Octavia listener (`GET /v2/lbaas/listeners`).
public struct Listener: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "listeners"), collectionKey: "listeners", singularKey: "listener",
        filters: OctaviaStatus.filters + [
            .string("loadbalancer_id"), .enumeration("protocol", ["HTTP", "HTTPS", "TCP", "UDP", "SCTP", "TERMINATED_HTTPS", "PROMETHEUS"], .uppercased),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let protocolName: String?
    public let port: Int?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let loadBalancerIDs: [String]
    public let defaultPoolID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Listener")
        name = json.text("name")
        protocolName = json.text("protocol")
        port = json["protocol_port"]?.intValue
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        loadBalancerIDs = OctaviaRefs.ids(json["loadbalancers"])
        defaultPoolID = json.text("default_pool_id")
    }
}
