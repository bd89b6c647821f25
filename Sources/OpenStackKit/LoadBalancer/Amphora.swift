import Foundation

/// An amphora, the VM behind an Amphora-provider balancer (`GET /v2/octavia/amphorae`, admin).
public struct Amphora: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("octavia", "amphorae"), collectionKey: "amphorae", singularKey: "amphora",
        filters: [
            .string("loadbalancer_id"),
            .enumeration(
                "status", ["BOOTING", "ALLOCATED", "READY", "PENDING_CREATE", "PENDING_DELETE", "DELETED", "ERROR"],
                .uppercased),
            .enumeration("role", ["MASTER", "BACKUP", "STANDALONE"], .uppercased),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let loadBalancerID: String?
    public let status: String?
    public let role: String?
    public let computeID: String?
    public let managementIP: String?
    public let computeFlavor: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Amphora")
        loadBalancerID = json.text("loadbalancer_id")
        status = json.text("status")
        role = json.text("role")
        computeID = json.text("compute_id")
        managementIP = json.text("lb_network_ip")
        computeFlavor = json.text("compute_flavor")
    }
}
