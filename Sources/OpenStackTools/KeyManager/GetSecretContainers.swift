import Foundation
import OpenStackKit

/// `get_secret_containers`: Barbican containers and the secrets they group.
enum GetSecretContainers {
    static var definition: ToolDefinition {
        ListTool<SecretContainer>(
            name: "get_secret_containers", title: "List secret containers",
            description: "List Barbican containers (generic, rsa, certificate): status and the secrets they reference, by role.",
            noun: "container",
            searchFields: { [$0.name, $0.type] },
            basic: { container, _ in
                .compact([
                    ("id", .string(container.id)), ("name", container.name.json), ("type", container.type.json),
                    ("status", container.status.json),
                    // Roles as values: a role named `private_key` would be masked as a key.
                    ("refs", .array(container.secretRefs.map { ["role": $0.name.json ?? .null, "id": .string($0.secretID)] })),
                ])
            },
            detailed: { container, _ in
                .compact([
                    ("consumers", .int(container.consumerCount)), ("creator_id", container.creatorID.json),
                    ("created", container.createdAt.json), ("updated", container.updatedAt.json),
                ])
            }
        ).definition
    }
}
