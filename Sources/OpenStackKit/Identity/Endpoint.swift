import Foundation

/// A Keystone endpoint record (`GET /v3/endpoints`).
public struct Endpoint: OpenStackResource {
    public static let collectionKey = "endpoints"
    public static let singularKey: String? = "endpoint"

    public let raw: JSONValue
    public let id: String
    public let serviceID: String?
    public let interface: String
    public let region: String?
    public let url: String
    public let enabled: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Endpoint")
        serviceID = json.text("service_id")
        interface = try json.required("interface", in: "Endpoint")
        region = json.text("region_id") ?? json.text("region")
        url = try json.required("url", in: "Endpoint")
        enabled = json["enabled"]?.boolValue
    }
}
