import Foundation

/// The inventories of one resource provider, from `GET /resource_providers/{uuid}/inventories`:
/// one record per resource class (`VCPU`, `MEMORY_MB`, `DISK_GB`, ...).
public struct ResourceProviderInventory: Sendable {
    /// The inventory of one resource class.
    public struct Entry: Sendable, Hashable {
        public var total: Int
        public var reserved: Int
        public var allocationRatio: Double
        public var minUnit: Int?
        public var maxUnit: Int?
        public var stepSize: Int?

        /// What the scheduler may allocate: `(total - reserved) * allocation_ratio`.
        public var capacity: Int { Int((Double(total - reserved) * allocationRatio).rounded(.down)) }
    }

    public let raw: JSONValue
    public let classes: [String: Entry]
    public let generation: Int?

    public init(json: JSONValue) throws {
        raw = json
        guard let inventories = json["inventories"]?.objectValue else {
            throw ModelError.missing(field: "inventories", in: "ResourceProviderInventory")
        }
        var classes: [String: Entry] = [:]
        for (name, entry) in inventories {
            guard let total = entry["total"]?.intValue else {
                throw ModelError.missing(field: "inventories.\(name).total", in: "ResourceProviderInventory")
            }
            let ratio: Double
            switch entry["allocation_ratio"] {
            case .double(let value)?: ratio = value
            case .int(let value)?: ratio = Double(value)
            default: ratio = 1.0
            }
            classes[name] = Entry(
                total: total, reserved: entry["reserved"]?.intValue ?? 0, allocationRatio: ratio,
                minUnit: entry["min_unit"]?.intValue, maxUnit: entry["max_unit"]?.intValue,
                stepSize: entry["step_size"]?.intValue)
        }
        self.classes = classes
        generation = json["resource_provider_generation"]?.intValue
    }
}
