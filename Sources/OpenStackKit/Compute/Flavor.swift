import Foundation

/// A Nova flavor, from `GET /flavors`, `/flavors/detail` or `/flavors/{id}`.
///
/// 2.55 adds `description`, 2.61 `extra_specs`, and 2.102 drops `rxtx_factor` and
/// `OS-FLV-DISABLED:disabled`; the plain list has only `id`, `name` and `links`.
public struct Flavor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("flavors"), listPath: ResourcePath("flavors", "detail"),
        collectionKey: "flavors", singularKey: "flavor",
        filters: [
            // Nova's own words are minDisk and minRam; 0 (no minimum) is not sent.
            .atLeast("min_disk", 0, upstream: "minDisk", transform: .mapped(["0": nil]),
                     "GiB"),
            .atLeast("min_ram", 0, upstream: "minRam", transform: .mapped(["0": nil]),
                     "MiB"),
            // Nova's default is the public ones; None (not "all") lists every flavor.
            .enumeration(
                "is_public", ["true", "false", "all"], .mapped(["true": nil, "false": "false", "all": "None"]),
                "true (default): public and shared with you; false: private only (admin); all (admin)"),
        ],
        // Nova's flavor name filter needs 2.102; the list of every flavor is small.
        nameFilter: nil, nameLookupFilters: ["is_public": "all"])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let vcpus: Int?
    /// RAM in MiB.
    public let ram: Int?
    /// Root disk in GiB.
    public let disk: Int?
    /// Ephemeral disk in GiB.
    public let ephemeral: Int?
    /// Swap in MiB; Nova sends `""` for none before 2.75, which reads as 0.
    public let swap: Int?
    public let isPublic: Bool?
    public let disabled: Bool?
    public let rxtxFactor: Double?
    public let description: String?
    public let extraSpecs: [String: String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Flavor")
        name = json.text("name")
        vcpus = json["vcpus"]?.intValue
        ram = json["ram"]?.intValue
        disk = json["disk"]?.intValue
        ephemeral = json["OS-FLV-EXT-DATA:ephemeral"]?.intValue
        switch json["swap"] {
        case .string(let text)?: swap = Int(text) ?? 0
        case let value?: swap = value.intValue
        case nil: swap = nil
        }
        isPublic = json["os-flavor-access:is_public"]?.boolValue
        disabled = json["OS-FLV-DISABLED:disabled"]?.boolValue
        switch json["rxtx_factor"] {
        case .double(let value)?: rxtxFactor = value
        case .int(let value)?: rxtxFactor = Double(value)
        default: rxtxFactor = nil
        }
        description = json.text("description")
        var specs: [String: String] = [:]
        for (key, value) in json["extra_specs"]?.objectValue ?? [:] { specs[key] = value.stringValue }
        extraSpecs = specs
    }
}
