import Foundation
import OpenStackKit

/// `get_secret`: one Barbican secret's metadata and ACL summary, by UUID or name.
enum GetSecret {
    static var definition: ToolDefinition {
        ShowTool<Secret>(
            name: "get_secret", title: "Show one secret (metadata)",
            description: "One Barbican secret by UUID or name: metadata and ACL summary, never the payload.",
            noun: "secret", nameOf: { $0.name },
            lookups: SecretColumns.lookups, basic: SecretColumns.basic, detailed: SecretColumns.detailed,
            full: SecretColumns.full, lookupLevels: [.basic, .detailed, .full]
        ).definition
    }
}
