import Foundation

/// A Nova service (`GET /os-services`): nova-compute, nova-scheduler, nova-conductor.
///
/// The ID is an integer before 2.53, a UUID from 2.53, and absent for a down cell (2.69).
public struct ComputeService: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-services"), collectionKey: "services", singularKey: "service",
        paging: .single, filters: [.string("host"), .string("binary", "Only this binary, e.g. nova-compute.")],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String?
    public let binary: String
    public let host: String
    public let zone: String?
    /// `enabled` or `disabled` (or `UNKNOWN` for a down cell).
    public let status: String?
    /// `up` or `down`.
    public let state: String?
    public let updatedAt: String?
    public let disabledReason: String?
    public let forcedDown: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = json.text("id")
        binary = try json.required("binary", in: "ComputeService")
        host = try json.required("host", in: "ComputeService")
        zone = json.text("zone")
        status = json.text("status")
        state = json.text("state")
        updatedAt = json.text("updated_at")
        disabledReason = json.text("disabled_reason")
        forcedDown = json["forced_down"]?.boolValue
    }
}
