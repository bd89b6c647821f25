import Foundation
import OpenStackKit

/// `get_stack_resources`: a stack's resources, failed first, into nested stacks.
enum GetStackResources {
    static var definition: ToolDefinition {
        ListTool<StackResource>(
            name: "get_stack_resources", title: "List a stack's resources",
            description: "A stack's resources, failed first with their reasons, nested stacks included to nested_depth.",
            noun: "resource",
            extraProperties: [
                "stack": StackColumns.stackProperty,
                "nested_depth": ["type": "integer", "minimum": 0, "maximum": .int(StackColumns.maxDepth), "default": .int(StackColumns.defaultDepth)],
            ],
            required: ["stack"],
            request: { arguments in
                let depth = try arguments.int("nested_depth", default: StackColumns.defaultDepth, range: 0...StackColumns.maxDepth)
                return ListRequest(
                    service: .orchestration, path: "", collectionKey: "resources",
                    query: [URLQueryItem(name: "nested_depth", value: String(depth))], supportsPaging: false,
                    markerField: "resource_name")
            },
            searchFields: { [$0.name, $0.type, $0.physicalID, $0.stackName] },
            basic: { resource, _ in
                .compact([
                    ("resource_name", .string(resource.name)), ("resource_type", resource.type.json),
                    ("resource_status", resource.status.json), ("physical_resource_id", resource.physicalID.json),
                    ("resource_status_reason", resource.isFailed ? resource.statusReason.json : nil),
                ])
            },
            detailed: { resource, _ in
                .compact([
                    ("resource_status_reason", resource.statusReason.json), ("stack_name", resource.stackName.json),
                    ("parent_resource", resource.parentResource.json), ("updated_time", resource.updatedAt.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = try await StackFinder.find(try arguments.string("stack"), argument: "stack", cloud: cloud).showPath + "/resources"
                return request
            },
            // Read whole (Heat does not page resources); failed first, each group in Heat's order.
            mergeAllPages: { items in
                let failed = items.filter { $0["resource_status"]?.stringValue?.hasSuffix("_FAILED") == true }
                return failed + items.filter { $0["resource_status"]?.stringValue?.hasSuffix("_FAILED") != true }
            }
        ).definition
    }
}
