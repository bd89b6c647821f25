import Foundation

/// A Cinder QoS specification (`GET /qos-specs`, admin): limits a backend or the hypervisor
/// applies to the volumes of the types it is associated with
/// (`GET /qos-specs/{id}/associations`, ``QoSAssociation``).
public struct QoSSpec: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .blockStorage, path: ResourcePath("qos-specs"), collectionKey: "qos_specs", singularKey: "qos_specs")

    public let raw: JSONValue
    public let id: String
    public let name: String?
    /// `back-end`, `front-end` or `both`.
    public let consumer: String?
    public let specs: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "QoSSpec")
        name = json.text("name")
        consumer = json.text("consumer")
        specs = json["specs"].map(JSONValue.stringMap) ?? [:]
    }

    /// The path of a spec's associations.
    public static func associationsPath(_ id: String) -> String {
        declaration.path.appending(id).appending(literal: "associations").description
    }
}
