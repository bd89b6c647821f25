import Foundation
import OpenStackKit

/// `get_volume_transfers`: volumes offered to another project and not yet accepted.
enum GetVolumeTransfers {
    static var definition: ToolDefinition {
        ListTool<VolumeTransfer>(
            name: "get_volume_transfers", title: "List volume transfers",
            description: "List Cinder volume transfer requests: volume (with name), since when, from which project. all_projects (admin).",
            noun: "transfer",
            searchFields: { [$0.name, $0.volumeID] },
            lookups: { cloud, transfers in await NameLookup.volumeLookups(cloud: cloud, volumeIDs: transfers.map(\.volumeID)) },
            basic: { transfer, _ in
                .compact([("id", .string(transfer.id)), ("name", transfer.name.json), ("volume_id", transfer.volumeID.json)])
            },
            detailed: { transfer, found in
                .compact([
                    ("volume_name", found.name("volume", transfer.volumeID).json), ("created_at", transfer.createdAt.json),
                    ("source_project_id", transfer.sourceProjectID.json),
                    ("destination_project_id", transfer.destinationProjectID.json), ("accepted", transfer.accepted.json),
                    ("no_snapshots", transfer.noSnapshots.json),
                ])
            },
            prepare: { cloud, _, request in
                // /volume-transfers is 3.55's; before it the same list is /os-volume-transfer.
                var request = request
                if try await !cloud.endpoint(.blockStorage).supports(3, 55) { request.path = VolumeTransfer.legacyListPath.description }
                return request
            }
        ).definition
    }
}
