import Foundation

/// The inventory of one resource class of a provider, from
/// `GET /resource_providers/{uuid}/inventories`: one item per class, `resource_class` added.
public struct ProviderInventoryRecord: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("resource_providers"), collectionKey: "inventories", singularKey: nil,
        paging: .single, markerField: "resource_class", nameFilter: nil,
        extractItems: { ProviderResourceRecords.perClass($0["inventories"]) { $0 } })

    /// The inventories of one provider, its UUID encoded as one segment.
    public static func path(provider: String) -> String {
        ResourcePath("resource_providers").appending(provider).appending(literal: "inventories").description
    }

    public let raw: JSONValue
    public let resourceClass: String
    public let entry: ResourceProviderInventory.Entry

    public init(json: JSONValue) throws {
        raw = json
        resourceClass = try json.required("resource_class", in: "ProviderInventoryRecord")
        guard let total = json["total"]?.intValue else { throw ModelError.missing(field: "total", in: "ProviderInventoryRecord") }
        entry = ResourceProviderInventory.Entry(
            total: total, reserved: json["reserved"]?.intValue ?? 0, allocationRatio: json["allocation_ratio"]?.doubleValue ?? 1.0,
            minUnit: json["min_unit"]?.intValue, maxUnit: json["max_unit"]?.intValue, stepSize: json["step_size"]?.intValue)
    }
}

/// What is used of one resource class of a provider, from `GET /resource_providers/{uuid}/usages`.
public struct ProviderUsageRecord: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("resource_providers"), collectionKey: "usages", singularKey: nil,
        paging: .single, markerField: "resource_class", nameFilter: nil,
        extractItems: { ProviderResourceRecords.perClass($0["usages"]) { ["used": $0] } })

    /// The usages of one provider, its UUID encoded as one segment.
    public static func path(provider: String) -> String {
        ResourcePath("resource_providers").appending(provider).appending(literal: "usages").description
    }

    /// The usages of `provider`, each item naming it as `resource_provider_uuid` (the answer
    /// itself does not), so that what is read next about the provider knows which it is.
    public static func items(provider: String) -> @Sendable (JSONValue) -> [JSONValue] {
        { document in
            declaration.items(in: document).map { item in
                guard case .object(var fields) = item else { return item }
                fields["resource_provider_uuid"] = .string(provider)
                return .object(fields)
            }
        }
    }

    public let raw: JSONValue
    public let resourceClass: String
    public let used: Int
    public let providerUUID: String?

    public init(json: JSONValue) throws {
        raw = json
        providerUUID = json.text("resource_provider_uuid")
        resourceClass = try json.required("resource_class", in: "ProviderUsageRecord")
        guard let used = json["used"]?.intValue else { throw ModelError.missing(field: "used", in: "ProviderUsageRecord") }
        self.used = used
    }
}

enum ProviderResourceRecords {
    /// One object per resource class of a `{class: value}` map, sorted by class, with
    /// `resource_class` set; `shape` turns a value into the object's other fields.
    static func perClass(_ map: JSONValue?, _ shape: (JSONValue) -> JSONValue) -> [JSONValue] {
        guard let classes = map?.objectValue else { return [] }
        return classes.keys.sorted().map { name in
            var fields = shape(classes[name]!).objectValue ?? [:]
            fields["resource_class"] = .string(name)
            return .object(fields)
        }
    }
}
