import Foundation
import OpenStackKit

/// `get_secrets`: Barbican secrets' metadata, and those that expire within N days.
enum GetSecrets {
    static var definition: ToolDefinition {
        var tool = ListTool<Secret>(
            name: "get_secrets", title: "List secrets (metadata)",
            description: "List Barbican secrets, metadata only (never payloads): type, algorithm, bits, status, expiration, ACL.",
            noun: "secret",
            extraProperties: [
                "expires_within_days": ["type": "integer", "minimum": 0, "maximum": 3650, "description": "Only secrets expiring from now to N days ahead"]
            ],
            searchFields: { [$0.name, $0.secretType, $0.algorithm] },
            lookups: SecretColumns.lookups, basic: SecretColumns.basic, detailed: SecretColumns.detailed,
            prepare: { _, arguments, request in
                guard arguments.values["expires_within_days"] != nil else { return request }
                var request = request
                request.query.append(Secret.expiringWithin(days: try arguments.int("expires_within_days", default: 0, range: 0...3650)))
                return request
            })
        tool.full = SecretColumns.full
        tool.lookupLevels = [.basic, .detailed, .full]
        return tool.definition
    }
}
