import Foundation

/// A Keystone application credential (`GET /v3/users/{user_id}/application_credentials`).
///
/// Keystone shows the secret only in the answer that creates one; `secret` is in the inventory
/// anyway, so that no answer of any tool could ever show it.
public struct ApplicationCredential: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .identity, path: ResourcePath("users"), collectionKey: "application_credentials",
        singularKey: "application_credential", paging: .single, filters: [.string("name", "Exact name")],
        secretFields: ["secret"])

    /// The application credentials of one user, the ID encoded as one segment.
    public static func path(user: String) -> String {
        ResourcePath("users").appending(user).appending(literal: "application_credentials").description
    }

    /// One role the credential delegates.
    public struct DelegatedRole: Sendable, Hashable {
        public var id: String?
        public var name: String?
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let description: String?
    public let projectID: String?
    public let roles: [DelegatedRole]
    public let expiresAt: String?
    public let unrestricted: Bool?
    /// The API calls the credential is limited to (service, method, path); empty when any.
    public let accessRules: [JSONValue]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ApplicationCredential")
        name = json.text("name")
        description = json.text("description")
        projectID = json.text("project_id")
        roles = (json["roles"]?.arrayValue ?? []).map { DelegatedRole(id: $0.text("id"), name: $0.text("name")) }
        expiresAt = json.text("expires_at")
        unrestricted = json["unrestricted"]?.boolValue
        accessRules = json["access_rules"]?.arrayValue ?? []
    }
}
