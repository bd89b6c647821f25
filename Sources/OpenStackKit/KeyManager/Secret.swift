import Foundation

/// A Barbican secret's metadata (`GET /v1/secrets`). Its payload is never read: the HTTP client
/// refuses `/payload` paths and every Accept but JSON (``OpenStackHTTPClient``).
public struct Secret: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .keyManager, path: ResourcePath("secrets"), collectionKey: "secrets", singularKey: nil,
        // Barbican pages with limit and offset (next and previous hrefs, and a total), at most 100.
        paging: .offset, markerField: "secret_ref", maxPageSize: 100,
        filters: [
            .enumeration("secret_type", ["symmetric", "public", "private", "passphrase", "certificate", "opaque"], .lowercased),
            .string("name"), .string("algorithm", upstream: "alg", "e.g. aes, rsa"),
        ])

    public let raw: JSONValue
    /// The UUID at the end of `secret_ref` (Barbican's objects carry no `id`).
    public let id: String
    public let name: String?
    public let secretType: String?
    public let algorithm: String?
    public let bitLength: Int?
    public let mode: String?
    public let expiration: String?
    public let status: String?
    public let creatorID: String?
    public let createdAt: String?
    public let updatedAt: String?
    /// Media types the payload could be read in (`default`: `application/octet-stream`).
    public let contentTypes: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try BarbicanRef.uuid(json.required("secret_ref", in: "Secret"))
        name = json.text("name")
        secretType = json.text("secret_type")
        algorithm = json.text("algorithm")
        bitLength = json["bit_length"]?.intValue
        mode = json.text("mode")
        expiration = json.text("expiration")
        status = json.text("status")
        creatorID = json.text("creator_id")
        createdAt = json.text("created")
        updatedAt = json.text("updated")
        contentTypes = (json["content_types"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    /// The date filter for secrets that expire between now and `days` from now, in Barbican's
    /// words (`gte:` and `lte:` UTC times without a zone, as it stores them).
    public static func expiringWithin(days: Int, now: Date = Date()) -> URLQueryItem {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let end = now.addingTimeInterval(Double(days) * 86_400)
        return URLQueryItem(name: "expiration", value: "gte:\(format.string(from: now)),lte:\(format.string(from: end))")
    }
}

/// A secret's access list (`GET /v1/secrets/{uuid}/acl`): who besides the project may read it.
public struct SecretACL: Sendable, Equatable {
    /// Whether every member of the secret's project may read it (Barbican's default).
    public let projectAccess: Bool
    /// Users granted read access by name on the list.
    public let users: [String]

    public init(json: JSONValue) {
        let read = json["read"]
        projectAccess = read?["project-access"]?.boolValue ?? true
        users = read?["users"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The ACL path of one secret, its UUID encoded as one segment.
    public static func path(secret: String) -> String {
        Secret.declaration.path.appending(secret).appending(literal: "acl").description
    }
}

/// Reads the UUIDs in Barbican's `*_ref` hrefs.
public enum BarbicanRef {
    /// The last path segment of a ref (`…/v1/secrets/{uuid}`).
    public static func uuid(_ ref: String) -> String {
        let path = URL(string: ref)?.path ?? ref
        return path.split(separator: "/").last.map(String.init) ?? ref
    }
}
