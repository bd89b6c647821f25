import Foundation

/// A Designate recordset: `GET /v2/zones/{zone_id}/recordsets` for one zone, `GET /v2/recordsets`
/// across the zones the caller sees. `name` and `data` take `*` wildcards.
public struct Recordset: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .dns, path: ResourcePath("recordsets"), collectionKey: "recordsets", singularKey: nil,
        filters: [
            .string("name", "FQDN; * is a wildcard"),
            .string("type", "A, AAAA, CNAME, MX, PTR, NS, SOA, TXT, ..."),
            .string("data", "A record's value, e.g. an IP; * is a wildcard"),
            .enumeration("status", DesignateScope.statuses, .uppercased),
        ],
        allProjectsHeaders: DesignateScope.allProjectsHeaders, projectHeader: DesignateScope.projectHeader)

    /// The recordsets of one zone, its ID encoded as one segment.
    public static func path(zone: String) -> String {
        ResourcePath("zones").appending(zone).appending(literal: "recordsets").description
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String?
    public let records: [String]
    public let ttl: Int?
    public let status: String?
    public let action: String?
    public let zoneID: String?
    public let zoneName: String?
    public let projectID: String?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Recordset")
        name = json.text("name")
        type = json.text("type")
        records = json["records"]?.arrayValue?.compactMap(\.stringValue) ?? []
        ttl = json["ttl"]?.intValue
        status = json.text("status")
        action = json.text("action")
        zoneID = json.text("zone_id")
        zoneName = json.text("zone_name")
        projectID = json.text("project_id")
        description = json.text("description")
    }

    /// Why the recordset is in ERROR, as far as Designate says.
    public var error: String? { DesignateScope.errorSummary(status: status, action: action) }
}
