import Foundation

/// A Swift container in the account listing (`GET /v1/AUTH_{project}?format=json`), which is a
/// bare JSON array paged by name.
public struct StorageContainer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .objectStore, path: ResourcePath(), collectionKey: "containers", singularKey: nil,
        paging: .markerWithoutLinks, markerField: "name", maxPageSize: 10_000,
        filters: [.string("prefix", "Only names that start with this")],
        nameFilter: "prefix", fixedQuery: [URLQueryItem(name: "format", value: "json")],
        extractItems: { $0.arrayValue ?? [] },
        // A container's TempURL keys sign URLs that read and write its objects; its sync key
        // authenticates container sync. Headers, as HEAD answers them.
        secretFields: ["x-container-meta-temp-url-key", "x-container-meta-temp-url-key-2", "x-container-sync-key"])

    public let raw: JSONValue
    public let name: String
    public let objectCount: Int?
    public let bytes: Int?
    public let lastModified: String?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "StorageContainer")
        objectCount = json["count"]?.intValue
        bytes = json["bytes"]?.intValue
        lastModified = json.text("last_modified")
    }
}
