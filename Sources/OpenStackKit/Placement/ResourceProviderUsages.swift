import Foundation

/// What is allocated from one resource provider, per resource class, from
/// `GET /resource_providers/{uuid}/usages`.
public struct ResourceProviderUsages: Sendable {
    public let raw: JSONValue
    public let usages: [String: Int]
    public let generation: Int?

    public init(json: JSONValue) throws {
        raw = json
        guard let usages = json["usages"]?.objectValue else {
            throw ModelError.missing(field: "usages", in: "ResourceProviderUsages")
        }
        self.usages = usages.compactMapValues(\.intValue)
        generation = json["resource_provider_generation"]?.intValue
    }
}
