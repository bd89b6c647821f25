import Foundation

/// A Barbican order (`GET /v1/orders`): a request to generate a key, key pair or certificate,
/// with the secret or container it made, or the error that stopped it.
public struct SecretOrder: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .keyManager, path: ResourcePath("orders"), collectionKey: "orders", singularKey: nil,
        paging: .offset, markerField: "order_ref", maxPageSize: 100, nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    /// `key`, `asymmetric` or `certificate`.
    public let type: String?
    /// `PENDING`, `ACTIVE` or `ERROR`.
    public let status: String?
    public let subStatus: String?
    public let subStatusMessage: String?
    public let errorStatusCode: String?
    public let errorReason: String?
    /// The name, algorithm and bit length the order asked for.
    public let meta: JSONValue?
    public let secretID: String?
    public let containerID: String?
    public let creatorID: String?
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try BarbicanRef.uuid(json.required("order_ref", in: "SecretOrder"))
        type = json.text("type")
        status = json.text("status")
        subStatus = json.text("sub_status")
        subStatusMessage = json.text("sub_status_message")
        errorStatusCode = json.text("error_status_code") ?? json["error_status_code"]?.intValue.map(String.init)
        errorReason = json.text("error_reason")
        meta = json["meta"]
        secretID = json.text("secret_ref").map(BarbicanRef.uuid)
        containerID = json.text("container_ref").map(BarbicanRef.uuid)
        creatorID = json.text("creator_id")
        createdAt = json.text("created")
        updatedAt = json.text("updated")
    }

    /// The name the order gave its secret.
    public var secretName: String? { meta?["name"]?.stringValue }
}
