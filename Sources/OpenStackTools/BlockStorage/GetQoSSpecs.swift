import Foundation
import OpenStackKit

/// `get_qos_specs`: Cinder's QoS specs (admin) with the volume types each applies to.
enum GetQoSSpecs {
    /// Specs whose associations are read at the same time.
    static let concurrency = 4

    static var definition: ToolDefinition {
        ListTool<QoSSpec>(
            name: "get_qos_specs", title: "List volume QoS specs",
            description: "List Cinder QoS specs (admin): consumer, limits, and the volume types each applies to.",
            noun: "QoS spec",
            searchFields: { [$0.name, $0.consumer] },
            lookups: { cloud, specs in await associations(cloud: cloud, specs: specs) },
            basic: { spec, found in
                .compact([
                    ("id", .string(spec.id)), ("name", spec.name.json), ("consumer", spec.consumer.json),
                    ("associations", .array((found.values["associations"]?[spec.id]?.arrayValue ?? []).compactMap { $0["name"] ?? $0["id"] })),
                    ("properties", .object(spec.specs.mapValues(JSONValue.string))),
                ])
            },
            detailed: { spec, found in
                .compact([("associated_types", found.values["associations"]?[spec.id])])
            }
        ).definition
    }

    /// Each spec's associations (`GET /qos-specs/{id}/associations`): Cinder has no batch read,
    /// so one per spec on the page, `concurrency` at a time. A failed read leaves that spec's out.
    static func associations(cloud: OpenStackCloud, specs: [QoSSpec]) async -> Lookups {
        let found = await BoundedConcurrency.map(specs.map(\.id), limit: concurrency) { id -> JSONValue in
            let answer = try await cloud.get(.blockStorage, path: QoSSpec.associationsPath(id)).json
            let associations = try QoSAssociation.list(from: answer)
            return .array(associations.map { .object(.compact([("id", .string($0.id)), ("name", $0.name.json), ("type", $0.type.json)])) })
        }
        return Lookups(values: ["associations": found])
    }
}
