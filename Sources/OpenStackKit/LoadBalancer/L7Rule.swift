import Foundation

/// A rule of an L7 policy (`GET /v2/lbaas/l7policies/{l7policy_id}/rules`): one test of a
/// request (its path, host name, a header...), possibly inverted.
public struct L7Rule: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "l7policies"), collectionKey: "rules", singularKey: "rule",
        filters: [
            .enumeration(
                "type", ["HOST_NAME", "PATH", "FILE_TYPE", "HEADER", "COOKIE", "SSL_CONN_HAS_CERT", "SSL_VERIFY_RESULT", "SSL_DN_FIELD"],
                .uppercased),
            .enumeration("compare_type", ["REGEX", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "EQUAL_TO"], .uppercased),
        ] + OctaviaStatus.filters,
        nameFilter: nil)

    /// The rules of one policy, its ID encoded as one segment.
    public static func path(policy: String) -> String {
        ResourcePath("lbaas", "l7policies").appending(policy).appending(literal: "rules").description
    }

    public let raw: JSONValue
    public let id: String
    public let type: String?
    public let compareType: String?
    /// The header or cookie name, for those types.
    public let key: String?
    public let value: String?
    public let invert: Bool
    public let provisioningStatus: String?
    public let operatingStatus: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "L7Rule")
        type = json.text("type")
        compareType = json.text("compare_type")
        key = json.text("key")
        value = json.text("value")
        invert = json["invert"]?.boolValue ?? false
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
    }
}
