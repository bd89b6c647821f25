import Foundation

/// A Nova host aggregate, from `GET /os-aggregates` or `/os-aggregates/{id}` (admin).
///
/// The ID is an integer; `uuid` appears from 2.41 (it is also the aggregate's UUID in Placement).
public struct Aggregate: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-aggregates"), collectionKey: "aggregates", singularKey: "aggregate",
        paging: .single, nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let uuid: String?
    public let name: String?
    public let availabilityZone: String?
    public let hosts: [String]
    public let metadata: [String: String]
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        guard let id = json["id"]?.stringValue else { throw ModelError.missing(field: "id", in: "Aggregate") }
        self.id = id
        uuid = json.text("uuid")
        name = json.text("name")
        availabilityZone = json.text("availability_zone")
        hosts = (json["hosts"]?.arrayValue ?? []).compactMap(\.stringValue)
        var metadata: [String: String] = [:]
        for (key, value) in json["metadata"]?.objectValue ?? [:] { metadata[key] = value.stringValue }
        self.metadata = metadata
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
    }
}
