import Foundation
import OpenStackKit

/// `get_object_store_account`: the account's totals and quota, from one HEAD.
enum GetObjectStoreAccount {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_object_store_account", title: "Show the Swift account",
            description: "The project's Swift account: containers, objects, bytes used, quota and metadata.",
            inputSchema: Schema.object([:]), outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let answer = try await cloud.head(.objectStore, path: "")
            return ShowOutput.result(
                item: Redactor.redact(ObjectStoreHeaders.account(answer.headers)), cloud: cloud.name,
                region: await cloud.effectiveRegion())
        }
    }
}
