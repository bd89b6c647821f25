import Foundation

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
