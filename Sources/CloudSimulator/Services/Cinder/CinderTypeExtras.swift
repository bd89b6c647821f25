import Foundation

/// Cinder's QoS specs and their associations, and a volume type's access list and encryption:
/// admin reads by Cinder's default policy.
extension CinderAPI {
    /// The route of these reads, or nil for other paths.
    func routeTypeExtras(_ call: CinderCall, _ path: [String]) -> Reply? {
        let request = call.request
        switch (path.first, path.count) {
        case ("qos-specs", 1), ("qos-specs", 2), ("qos-specs", 3):
            guard request.isAdmin else { return error(403, "Policy doesn't allow volume_extension:qos_specs_manage:get_all to be performed.", request) }
            let specs = environment.data.cinderExtras.qosSpecs
            if path.count == 1 {
                return page(call, collection: "qos_specs", items: specs, id: \.id, keep: { _ in true }) { renderQoS($0) }
            }
            guard let spec = specs.first(where: { $0.id == path[1] }) else {
                return error(404, "QoS Specs \(path[1]) could not be found.", request)
            }
            if path.count == 2 {
                return .json(["qos_specs": renderQoS(spec), "links": resourceLinks("qos-specs", spec.id, call)])
            }
            guard path[2] == "associations" else { return nil }
            let types = environment.data.blockStorage.volumeTypes
            let associations: [JSON] = spec.volumeTypeIDs.compactMap { id in
                types.first { $0.id == id }.map { ["association_type": "volume_type", "name": .string($0.name), "id": .string($0.id)] }
            }
            return .json(["qos_associations": .array(associations)])
        case ("types", 3) where ["os-volume-type-access", "encryption"].contains(path[2]):
            guard request.isAdmin else {
                let rule = path[2] == "encryption" ? "volume_extension:volume_type_encryption:get" : "volume_extension:volume_type_access:get_all_for_type"
                return error(403, "Policy doesn't allow \(rule) to be performed.", request)
            }
            guard let type = environment.data.blockStorage.volumeTypes.first(where: { $0.id == path[1] }) else {
                return error(404, "Volume type \(path[1]) could not be found.", request)
            }
            if path[2] == "encryption" {
                guard let encryption = type.encryption else { return .json([:]) }
                return .json([
                    "volume_type_id": .string(type.id), "control_location": .string(encryption.controlLocation), "deleted": false,
                    "created_at": "2025-11-20T08:00:00.000000", "updated_at": nil, "encryption_id": .string(encryption.id),
                    "key_size": .int(encryption.keySize), "provider": .string(encryption.provider), "deleted_at": nil,
                    "cipher": .string(encryption.cipher),
                ])
            }
            guard !type.isPublic else { return error(404, "Access list not available for public volume types.", request) }
            return .json(["volume_type_access": .array(type.projectAccess.map { ["project_id": .string($0), "volume_type_id": .string(type.id)] })])
        default: return nil
        }
    }

    private func renderQoS(_ spec: DemoQoSSpec) -> JSON {
        ["id": .string(spec.id), "name": .string(spec.name), "consumer": .string(spec.consumer), "specs": .stringMap(spec.specs)]
    }
}
