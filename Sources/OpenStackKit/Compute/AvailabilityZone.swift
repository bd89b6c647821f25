import Foundation

/// A Nova availability zone, from `GET /os-availability-zone` or `/os-availability-zone/detail`.
///
/// The plain list has `hosts: null`; the admin-only detail maps each host to its services.
public struct AvailabilityZone: DeclaredResource {
    /// The plain list; an admin's tool reads `/os-availability-zone/detail` instead.
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-availability-zone"), collectionKey: "availabilityZoneInfo",
        singularKey: nil, paging: .single, markerField: "zoneName", nameFilter: nil)

    /// One service on one host of the zone (detail only).
    public struct HostService: Sendable, Hashable {
        public var host: String
        public var binary: String
        /// The service is enabled.
        public var active: Bool?
        /// The service is up.
        public var available: Bool?
        public var updatedAt: String?
    }

    public let raw: JSONValue
    public let name: String
    public let available: Bool?
    /// Empty for the plain list.
    public let services: [HostService]

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("zoneName", in: "AvailabilityZone")
        available = json["zoneState"]?["available"]?.boolValue
        var services: [HostService] = []
        for (host, binaries) in (json["hosts"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (binary, state) in (binaries.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                services.append(
                    HostService(
                        host: host, binary: binary, active: state["active"]?.boolValue,
                        available: state["available"]?.boolValue, updatedAt: state.text("updated_at")))
            }
        }
        self.services = services
    }

    /// The distinct hosts of the zone, sorted.
    public var hosts: [String] { Array(Set(services.map(\.host))).sorted() }
}
