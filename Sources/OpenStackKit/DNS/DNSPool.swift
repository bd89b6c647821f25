import Foundation

/// A Designate pool (`GET /v2/pools`, admin): the DNS servers a zone is served by, named by
/// their NS records.
public struct DNSPool: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .dns, path: ResourcePath("pools"), collectionKey: "pools", singularKey: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let projectID: String?
    /// The NS records' host names, by priority.
    public let nameservers: [String]
    public let attributes: JSONValue?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "DNSPool")
        name = json.text("name")
        description = json.text("description")
        projectID = json.text("project_id")
        let records = json["ns_records"]?.arrayValue ?? []
        nameservers = records.sorted { ($0["priority"]?.intValue ?? 0) < ($1["priority"]?.intValue ?? 0) }
            .compactMap { $0["hostname"]?.stringValue }
        if let value = json["attributes"], value != .null { attributes = value } else { attributes = Optional.none }
    }
}
