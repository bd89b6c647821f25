import Foundation
import OpenStackKit

/// `get_secret_orders`: Barbican orders, with the error of those that failed.
enum GetSecretOrders {
    static var definition: ToolDefinition {
        ListTool<SecretOrder>(
            name: "get_secret_orders", title: "List secret orders",
            description: "List Barbican orders (key, asymmetric, certificate): status, error, the secret or container made.",
            noun: "order",
            searchFields: { [$0.secretName, $0.type, $0.status, $0.errorReason] },
            basic: { order, _ in
                .compact([
                    ("id", .string(order.id)), ("type", order.type.json), ("status", order.status.json),
                    // Keys named like "secret" are masked by the Redactor: the made secret is the result.
                    ("name", order.secretName.json), ("result_id", (order.secretID ?? order.containerID).json),
                    ("result_type", order.secretID != nil ? "secret" : order.containerID != nil ? "container" : nil),
                    ("error_status_code", order.errorStatusCode.json),
                    ("error_reason", order.errorReason.json),
                ])
            },
            detailed: { order, _ in
                .compact([
                    ("meta", order.meta), ("sub_status", order.subStatus.json), ("sub_status_message", order.subStatusMessage.json),
                    ("creator_id", order.creatorID.json), ("created", order.createdAt.json), ("updated", order.updatedAt.json),
                ])
            }
        ).definition
    }
}
