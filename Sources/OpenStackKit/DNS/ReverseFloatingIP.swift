import Foundation

/// The PTR record of a floating IP (`GET /v2/reverse/floatingips`). Its ID is
/// `{region}:{floatingip_id}`; Designate lists only the floating IPs that have a PTR record.
public struct ReverseFloatingIP: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .dns, path: ResourcePath("reverse", "floatingips"), collectionKey: "floatingips", singularKey: nil,
        // Designate reads the floating IPs from Neutron and answers them in one page.
        paging: .single, nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    /// The floating IP address.
    public let address: String?
    /// The name the address resolves to.
    public let ptrdname: String?
    public let ttl: Int?
    public let status: String?
    public let action: String?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ReverseFloatingIP")
        address = json.text("address")
        ptrdname = json.text("ptrdname")
        ttl = json["ttl"]?.intValue
        status = json.text("status")
        action = json.text("action")
        description = json.text("description")
    }

    /// The region and the Neutron floating IP ID, from `{region}:{floatingip_id}`.
    public var region: String? { id.split(separator: ":", maxSplits: 1).count == 2 ? String(id.split(separator: ":")[0]) : nil }
    public var floatingIPID: String { id.split(separator: ":", maxSplits: 1).last.map(String.init) ?? id }
}
