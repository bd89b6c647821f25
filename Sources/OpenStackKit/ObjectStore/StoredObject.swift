import Foundation

/// An object, or with a delimiter a pseudo-folder, in a container listing
/// (`GET /v1/AUTH_{project}/{container}?format=json`). Content is never read.
public struct StoredObject: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .objectStore, path: ResourcePath(), collectionKey: "objects", singularKey: nil,
        paging: .markerWithoutLinks, markerField: "name", maxPageSize: 10_000,
        filters: [
            .string("prefix", "Only names that start with this, e.g. logs/2026-"),
            .string("delimiter", "e.g. / to list one level, folders as subdir"),
        ],
        nameFilter: "prefix", fixedQuery: [URLQueryItem(name: "format", value: "json")],
        // A pseudo-folder is `{"subdir": "db/"}`: it is named, and it is its own next marker.
        extractItems: { document in
            (document.arrayValue ?? []).map { item in
                guard item["name"] == nil, let folder = item["subdir"] else { return item }
                return ["name": folder, "subdir": folder]
            }
        })

    /// The listing of one container, its name encoded as one segment.
    public static func path(container: String) -> String { ResourcePath().appending(container).description }

    public let raw: JSONValue
    public let name: String
    public let bytes: Int?
    public let contentType: String?
    public let lastModified: String?
    public let hash: String?
    /// Set for a pseudo-folder of a delimited listing.
    public let isFolder: Bool

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "StoredObject")
        bytes = json["bytes"]?.intValue
        contentType = json.text("content_type")
        lastModified = json.text("last_modified")
        hash = json.text("hash")
        isFolder = json["subdir"] != nil
    }
}
