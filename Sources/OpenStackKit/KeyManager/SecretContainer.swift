import Foundation

/// A Barbican container (`GET /v1/containers`): a named group of secret references, such as a
/// certificate with its private key and intermediates.
public struct SecretContainer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .keyManager, path: ResourcePath("containers"), collectionKey: "containers", singularKey: nil,
        paging: .offset, markerField: "container_ref", maxPageSize: 100,
        filters: [.enumeration("type", ["generic", "rsa", "certificate"], .lowercased)])

    /// One reference of a container: its role (`certificate`, `private_key`) and the secret.
    public struct Reference: Sendable, Equatable {
        public let name: String?
        public let secretID: String
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String?
    public let status: String?
    public let creatorID: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let secretRefs: [Reference]
    public let consumerCount: Int

    public init(json: JSONValue) throws {
        raw = json
        id = try BarbicanRef.uuid(json.required("container_ref", in: "SecretContainer"))
        name = json.text("name")
        type = json.text("type")
        status = json.text("status")
        creatorID = json.text("creator_id")
        createdAt = json.text("created")
        updatedAt = json.text("updated")
        secretRefs = (json["secret_refs"]?.arrayValue ?? []).compactMap { ref in
            ref.text("secret_ref").map { Reference(name: ref.text("name"), secretID: BarbicanRef.uuid($0)) }
        }
        consumerCount = json["consumers"]?.arrayValue?.count ?? 0
    }
}
