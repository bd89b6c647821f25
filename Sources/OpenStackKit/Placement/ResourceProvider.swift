import Foundation

/// A Placement resource provider, from `GET /resource_providers` or `/resource_providers/{uuid}`.
///
/// Nova registers one per compute node, with the node's UUID; parent and root appear from 1.14.
public struct ResourceProvider: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        // Placement returns one provider unwrapped, and does not page the list.
        service: .placement, path: ResourcePath("resource_providers"), collectionKey: "resource_providers",
        singularKey: nil, paging: .single, markerField: "uuid",
        filters: [
            .string("name", "Only the provider with this exact name."), .string("uuid", "Only the provider with this UUID."),
            .string("in_tree", "Only providers in the tree of this provider UUID."),
            .string("member_of", "Only providers in this aggregate UUID, or in any of 'in:UUID1,UUID2'."),
            .string("resources", "Only providers with this much free capacity, e.g. 'VCPU:4,MEMORY_MB:8192'."),
            .string(
                "required",
                "Only providers with these traits (comma-separated; '!TRAIT' forbids one), e.g. 'HW_CPU_X86_AVX2,!COMPUTE_STATUS_DISABLED'."),
        ])

    public let raw: JSONValue
    public let uuid: String
    public let name: String?
    public let generation: Int?
    public let parentProviderUUID: String?
    public let rootProviderUUID: String?

    public init(json: JSONValue) throws {
        raw = json
        uuid = try json.required("uuid", in: "ResourceProvider")
        name = json.text("name")
        generation = json["generation"]?.intValue
        parentProviderUUID = json.text("parent_provider_uuid")
        rootProviderUUID = json.text("root_provider_uuid")
    }
}
