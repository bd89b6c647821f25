import Foundation

/// A Nova keypair, from `GET /os-keypairs` or `/os-keypairs/{name}`.
///
/// The list wraps every entry (`{"keypairs": [{"keypair": {...}}]}`); this model accepts an entry
/// wrapped or not. `type` appears from 2.2; `user_id`, `created_at` and `id` only in a show.
public struct Keypair: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-keypairs"), collectionKey: "keypairs", singularKey: "keypair",
        // A keypair is known by its name, which is also the marker.
        markerField: "name",
        filters: [.string("user_id", "List this user's keypairs instead of yours (admin).")],
        nameFilter: nil, extractItems: unwrappedEntries,
        // Only in the answer that generated the pair, but never shown if it ever appears.
        secretFields: ["private_key"])

    public let raw: JSONValue
    public let name: String
    public let fingerprint: String?
    /// `ssh` or `x509`.
    public let type: String?
    public let publicKey: String?
    public let userID: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        let body = json["keypair"] ?? json
        raw = body
        name = try body.required("name", in: "Keypair")
        fingerprint = body.text("fingerprint")
        type = body.text("type")
        publicKey = body.text("public_key")
        userID = body.text("user_id")
        createdAt = body.text("created_at")
    }

    /// The entries of a list answer, unwrapped.
    public static func unwrappedEntries(_ document: JSONValue) -> [JSONValue] {
        (document["keypairs"]?.arrayValue ?? []).map { $0["keypair"] ?? $0 }
    }
}
