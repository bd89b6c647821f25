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

/// What Swift's HEAD answers say, read from their headers.
public enum ObjectStoreHeaders {
    /// The account's secret headers: its TempURL keys sign URLs for every object in the account.
    public static let accountSecretHeaders: Set<String> = ["x-account-meta-temp-url-key", "x-account-meta-temp-url-key-2"]

    /// Every Swift header whose value is a secret: the account's and a container's.
    public static var secretHeaders: Set<String> { accountSecretHeaders.union(StorageContainer.declaration.secretFields) }

    /// The account's totals and quota from `HEAD /v1/AUTH_{project}`.
    public static func account(_ headers: [String: String]) -> JSONValue {
        var result: [String: JSONValue] = [:]
        let numbers = [
            ("containers", "x-account-container-count"), ("objects", "x-account-object-count"),
            ("bytes_used", "x-account-bytes-used"), ("quota_bytes", "x-account-meta-quota-bytes"),
        ]
        for (key, header) in numbers { if let value = headers[header].flatMap({ Int($0) }) { result[key] = .int(value) } }
        if let quota = result["quota_bytes"]?.intValue, let used = result["bytes_used"]?.intValue, quota > 0 {
            result["quota_percent_used"] = .double((Double(used) * 1000 / Double(quota)).rounded() / 10)
        }
        result["metadata"] = metadata(headers, prefix: "x-account-meta-", except: ["quota-bytes"])
        return .object(result)
    }

    /// One object's metadata from `HEAD /v1/AUTH_{project}/{container}/{object}`.
    public static func object(_ headers: [String: String]) -> JSONValue {
        .object(.init(uniqueKeysWithValues: [
            ("content_type", headers["content-type"].map(JSONValue.string)),
            ("bytes", headers["content-length"].flatMap { Int($0) }.map(JSONValue.int)),
            ("etag", headers["etag"].map { JSONValue.string($0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }),
            ("last_modified", headers["last-modified"].map(JSONValue.string)),
            ("delete_at", headers["x-delete-at"].map(JSONValue.string)),
            ("static_large_object", headers["x-static-large-object"].map { .bool($0.lowercased() == "true") }),
            ("dynamic_large_object_manifest", headers["x-object-manifest"].map(JSONValue.string)),
            ("metadata", metadata(headers, prefix: "x-object-meta-", except: [])),
        ].compactMap { key, value in value.map { (key, $0) } }))
    }

    /// Custom metadata: `X-…-Meta-Color: blue` is `{"color": "blue"}`; a secret header's value
    /// (a TempURL key) is `***`.
    static func metadata(_ headers: [String: String], prefix: String, except: Set<String>) -> JSONValue {
        var found: [String: JSONValue] = [:]
        for (name, value) in headers where name.hasPrefix(prefix) {
            let key = String(name.dropFirst(prefix.count))
            guard !except.contains(key) else { continue }
            found[key] = .string(secretHeaders.contains(name) ? Redactor.mask : value)
        }
        return .object(found)
    }
}
