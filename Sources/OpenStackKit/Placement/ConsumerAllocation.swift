import Foundation

/// What a consumer (a server, by its UUID) holds on one resource provider, from
/// `GET /allocations/{consumer_uuid}`: one item per provider.
///
/// The answer is a map by provider UUID; `project_id` and `user_id` of the consumer come from
/// 1.12, `consumer_generation` from 1.28 and `consumer_type` from 1.38, and each item carries them.
public struct ConsumerAllocation: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("allocations"), collectionKey: "allocations", singularKey: nil,
        paging: .single, markerField: "resource_provider_uuid", nameFilter: nil, extractItems: Self.items)

    /// The allocations of one consumer, its UUID encoded as one segment.
    public static func path(consumer: String) -> String { ResourcePath("allocations").appending(consumer).description }

    public let raw: JSONValue
    public let providerUUID: String
    public let generation: Int?
    /// Amount per resource class.
    public let resources: [String: Int]
    public let projectID: String?
    public let userID: String?
    public let consumerType: String?

    public init(json: JSONValue) throws {
        raw = json
        providerUUID = try json.required("resource_provider_uuid", in: "ConsumerAllocation")
        generation = json["generation"]?.intValue
        resources = json["resources"]?.objectValue?.compactMapValues(\.intValue) ?? [:]
        projectID = json.text("project_id")
        userID = json.text("user_id")
        consumerType = json.text("consumer_type")
    }

    /// One item per provider, sorted by UUID, with the consumer's own fields copied in.
    static func items(_ document: JSONValue) -> [JSONValue] {
        guard let providers = document["allocations"]?.objectValue else { return [] }
        return providers.keys.sorted().map { uuid in
            var fields = providers[uuid]?.objectValue ?? [:]
            fields["resource_provider_uuid"] = .string(uuid)
            for key in ["project_id", "user_id", "consumer_generation", "consumer_type"] {
                if let value = document[key] { fields[key] = value }
            }
            return .object(fields)
        }
    }
}
