import Foundation

/// A Keystone endpoint record (`GET /v3/endpoints`).
public struct Endpoint: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("endpoints"), collectionKey: "endpoints", singularKey: "endpoint",
        paging: .single,
        filters: [
            .enumeration("interface", ["public", "internal", "admin"]),
            .string("service_id", "Only endpoints of this service (ID; see get_services)."), .string("region_id"),
        ],
        nameFilter: nil)

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
