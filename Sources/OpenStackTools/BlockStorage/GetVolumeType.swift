import Foundation
import OpenStackKit

/// `get_volume_type`: one Cinder volume type with who may use it (a private type's access list)
/// and how it encrypts, read together. Both parts are admin reads: a refusal is a note, not a
/// failure of the whole answer.
enum GetVolumeType {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_volume_type", title: "Show one volume type",
            description: "One Cinder volume type by ID or name: extra specs, QoS, the projects of a private type, encryption (admin).",
            inputSchema: Schema.object(["type": Schema.string("Volume type ID or name")], required: ["type"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let key = try arguments.string("type") else {
                throw ToolArgumentError(argument: "type", problem: "required: the volume type's ID or exact name (get_volume_types)")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let type = try await finder.find(key, cloud: cloud)
            async let access = part(type.isPublic == false ? VolumeTypeAccess.path(typeID: type.id) : nil, cloud: cloud)
            async let encryption = part(VolumeTypeEncryption.path(typeID: type.id), cloud: cloud)
            var item: [String: JSONValue] = .compact([
                ("id", .string(type.id)), ("name", type.name.json), ("description", type.description.json),
                ("is_public", type.isPublic.json), ("qos_specs_id", type.qosSpecsID.json), ("backend", type.backendName.json),
                ("extra_specs", .object(type.extraSpecs.mapValues(JSONValue.string))),
            ])
            var notes: [String] = []
            switch await access {
            case .none: break
            case .some(.success(let document)):
                let entries = (try? VolumeTypeAccess.list(from: document)) ?? []
                let names = await GetFlavorAccess.projectNames(cloud: cloud, ids: entries.map(\.projectID))
                item["access"] = .array(entries.map { entry in
                    .object(.compact([("project_id", .string(entry.projectID)), ("project_name", names.name("project", entry.projectID).json)]))
                })
            case .some(.failure(let error)): notes.append("The access list was not read: \(refusal(error)).")
            }
            switch await encryption {
            case .some(.success(let document)):
                let encryption = VolumeTypeEncryption(json: document)
                item["encryption"] = encryption.isEncrypted
                    ? .object(.compact([
                        ("provider", encryption.provider.json), ("cipher", encryption.cipher.json),
                        ("key_size", encryption.keySize.json), ("control_location", encryption.controlLocation.json),
                    ]))
                    : .null
            case .some(.failure(let error)): notes.append("The encryption was not read: \(refusal(error)).")
            case .none: break
            }
            return ShowOutput.result(item: Redactor.redact(.object(item)), cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
        }
    }

    /// Finds a type by ID, else by exact name among every type the caller may see.
    static let finder = ShowTool<VolumeType>(
        name: "get_volume_type", title: "", description: "", noun: "volume type", service: .blockStorage,
        path: { "/types/\($0)" },
        findByName: { _ in
            ListRequest(
                service: .blockStorage, path: "/types", collectionKey: VolumeType.collectionKey,
                query: [URLQueryItem(name: "is_public", value: "None")], supportsPaging: false)
        },
        nameOf: { $0.name }, basic: { _, _ in [:] }, detailed: { _, _ in [:] })

    /// One admin part of the answer, or why it could not be read.
    static func part(_ path: String?, cloud: OpenStackCloud) async -> Result<JSONValue, OpenStackError>? {
        guard let path else { return nil }
        do {
            return .success(try await cloud.get(.blockStorage, path: path).json)
        } catch let error as OpenStackError {
            return .failure(error)
        } catch {
            return .failure(OpenStackError(kind: .decoding, service: "Cinder", message: "\(error)"))
        }
    }

    static func refusal(_ error: OpenStackError) -> String {
        error.status == 403 ? "it needs the admin role (HTTP 403)" : "HTTP \(error.status.map(String.init) ?? "-") \(error.message)"
    }
}
