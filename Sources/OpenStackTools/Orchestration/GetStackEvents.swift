import Foundation
import OpenStackKit

/// `get_stack_events`: a stack's events, newest first.
enum GetStackEvents {
    static var definition: ToolDefinition {
        ListTool<StackEvent>(
            name: "get_stack_events", title: "List a stack's events",
            description: "A stack's events, newest first: resource, status, reason, time.",
            noun: "event",
            extraProperties: ["stack": StackColumns.stackProperty],
            required: ["stack"],
            request: { _ in
                var request = ListRequest(
                    service: .orchestration, path: "", collectionKey: "events",
                    query: [URLQueryItem(name: "sort_dir", value: "desc")])
                request.pagesWithoutLinks = true
                return request
            },
            searchFields: { [$0.resourceName, $0.status, $0.statusReason] },
            basic: { event, _ in
                .compact([
                    ("event_time", event.time.json), ("resource_name", event.resourceName.json),
                    ("resource_status", event.status.json), ("resource_status_reason", event.statusReason.json),
                ])
            },
            detailed: { event, _ in .compact([("id", .string(event.id)), ("physical_resource_id", event.physicalID.json)]) },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = try await StackFinder.find(try arguments.string("stack"), argument: "stack", cloud: cloud).showPath + "/events"
                return request
            }
        ).definition
    }
}
