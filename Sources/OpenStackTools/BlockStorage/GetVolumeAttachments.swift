import Foundation
import OpenStackKit

/// `get_volume_attachments`: Cinder's attachment records (microversion 3.27+), with volume and
/// server names. Connection info stays out except its type; `full` shows it with the
/// credentials redacted.
enum GetVolumeAttachments {
    static let name = "get_volume_attachments"

    static var definition: ToolDefinition {
        let inner = ListTool<VolumeAttachment>(
            name: name, title: "List volume attachments",
            description:
                "List Cinder volume attachments: volume, server, mode, since when (Cinder 3.27+).",
            noun: "attachment",
            searchFields: { [$0.volumeID, $0.instanceID] },
            lookups: { cloud, attachments in
                async let volumes = NameLookup.volumes(cloud: cloud, ids: attachments.compactMap(\.volumeID))
                async let servers = NameLookup.servers(cloud: cloud, ids: attachments.compactMap(\.instanceID))
                var lookups = Lookups()
                lookups.values = ["volume": await volumes, "server": await servers]
                return lookups
            },
            basic: { attachment, _ in
                .compact([
                    ("id", .string(attachment.id)), ("volume_id", attachment.volumeID.json),
                    ("server_id", attachment.instanceID.json), ("status", attachment.status.json),
                ])
            },
            detailed: { attachment, found in
                .compact([
                    ("volume_name", found.name("volume", attachment.volumeID).json),
                    ("server_name", found.name("server", attachment.instanceID).json),
                    ("attach_mode", attachment.attachMode.json), ("attached_at", attachment.attachedAt.json),
                    ("detached_at", attachment.detachedAt.json),
                    ("connection_type", attachment.raw["connection_info"]?.text("driver_volume_type").json),
                ])
            }
        ).definition
        // The attachments API exists from 3.27 on: say so instead of showing Cinder's bare 404.
        return ToolDefinition(
            name: inner.name, title: inner.title, description: inner.description, inputSchema: inner.inputSchema,
            outputSchema: inner.outputSchema
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let endpoint = try await cloud.endpoint(.blockStorage)
            guard endpoint.supports(3, 27) else {
                throw OpenStackError(
                    kind: .http, service: "cinder", url: endpoint.baseURL + "/attachments",
                    message: "the attachments API needs microversion 3.27; this Cinder offers \(endpoint.microversion.map(String.init(describing:)) ?? "no microversions")",
                    nextStep: "use get_volumes, whose attached_to column shows the same links")
            }
            return try await inner.handler(context, arguments)
        }
    }
}
