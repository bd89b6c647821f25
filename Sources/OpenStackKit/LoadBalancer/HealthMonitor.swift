import Foundation

/// An Octavia health monitor (`GET /v2/lbaas/healthmonitors`).
public struct HealthMonitor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "healthmonitors"), collectionKey: "healthmonitors",
        singularKey: "healthmonitor", filters: OctaviaStatus.filters + [.string("pool_id")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String?
    public let delay: Int?
    public let timeout: Int?
    public let maxRetries: Int?
    public let urlPath: String?
    public let expectedCodes: String?
    public let poolIDs: [String]
    public let provisioningStatus: String?
    public let operatingStatus: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "HealthMonitor")
        name = json.text("name")
        type = json.text("type")
        delay = json["delay"]?.intValue
        timeout = json["timeout"]?.intValue
        maxRetries = json["max_retries"]?.intValue
        urlPath = json.text("url_path")
        expectedCodes = json.text("expected_codes")
        poolIDs = OctaviaRefs.ids(json["pools"])
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
    }
}
