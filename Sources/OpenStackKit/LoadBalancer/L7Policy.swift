import Foundation

/// An Octavia L7 policy (`GET /v2/lbaas/l7policies`): on a listener, what to do with a request
/// whose rules all match (send it to a pool, redirect it, or reject it), in `position` order.
public struct L7Policy: DeclaredResource {
    public static let actions = ["REDIRECT_TO_POOL", "REDIRECT_TO_URL", "REDIRECT_PREFIX", "REJECT"]

    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "l7policies"), collectionKey: "l7policies",
        singularKey: "l7policy",
        filters: [.string("listener_id"), .enumeration("action", actions, .uppercased)] + OctaviaStatus.filters)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let listenerID: String?
    public let action: String?
    public let position: Int?
    public let redirectPoolID: String?
    public let redirectURL: String?
    public let redirectPrefix: String?
    public let redirectHTTPCode: Int?
    public let ruleIDs: [String]
    public let provisioningStatus: String?
    public let operatingStatus: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "L7Policy")
        name = json.text("name")
        listenerID = json.text("listener_id")
        action = json.text("action")
        position = json["position"]?.intValue
        redirectPoolID = json.text("redirect_pool_id")
        redirectURL = json.text("redirect_url")
        redirectPrefix = json.text("redirect_prefix")
        redirectHTTPCode = json["redirect_http_code"]?.intValue
        ruleIDs = OctaviaRefs.ids(json["rules"])
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
    }
}
