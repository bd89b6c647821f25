import Foundation
import OpenStackKit

/// `describe_stack`: why a stack failed, in one answer.
///
/// After the stack (by ID or name), it reads concurrently the resources of the whole tree (to
/// `StackTools.maxDepth`) and the newest events. A failed resource that no other failed resource
/// sits under is a root cause: a failed nested stack only repeats its children's reasons.
enum DescribeStack {
    static let eventCount = 20

    static var definition: ToolDefinition {
        ToolDefinition(
            name: "describe_stack", title: "Explain a Heat stack's state",
            description:
                "Why a stack is failed (or not), in one answer: status, root-cause resources with reasons across nested stacks, recent failure events, outputs.",
            inputSchema: Schema.object(["id": Schema.string("Stack ID or name")], required: ["id"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let found = try await StackFinder.find(try arguments.string("id"), argument: "id", cloud: cloud)
            return try await describe(found, cloud: cloud)
        }
    }

    static func describe(_ found: Stack, cloud: OpenStackCloud) async throws -> ToolResult {
        async let stackRead = DescribeInstance.part("stack") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(.orchestration, path: found.showPath).json["stack"]
        }
        async let resourcesRead = DescribeInstance.part("resources") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(
                .orchestration, path: found.showPath + "/resources",
                query: [URLQueryItem(name: "nested_depth", value: String(StackTools.maxDepth))]
            ).json["resources"]
        }
        async let eventsRead = DescribeInstance.part("events") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(
                .orchestration, path: found.showPath + "/events",
                query: [URLQueryItem(name: "sort_dir", value: "desc"), URLQueryItem(name: "limit", value: String(eventCount))]
            ).json["events"]
        }
        let (stackPart, resourcePart, eventPart) = await (stackRead, resourcesRead, eventsRead)
        let notes = [stackPart.note, resourcePart.note, eventPart.note].compactMap { $0 }
        let stack = stackPart.value.flatMap { try? Stack(json: $0) } ?? found
        let resources = (resourcePart.value?.arrayValue ?? []).compactMap { try? StackResource(json: $0) }
        let events = (eventPart.value?.arrayValue ?? []).compactMap { try? StackEvent(json: $0) }

        let failed = resources.filter(\.isFailed)
        // A failed resource is a cascade when another failed resource sits under it.
        let parents = Set(failed.compactMap(\.parentResource))
        let roots = failed.filter { !parents.contains($0.name) }
        let diagnoses = await serverDiagnoses(roots, cloud: cloud)
        let rootNodes = roots.map { resource -> JSONValue in
            .object(.compact([
                ("resource_name", .string(resource.name)), ("resource_type", resource.type.json),
                ("stack_name", resource.stackName.json), ("resource_status", resource.status.json),
                ("resource_status_reason", resource.statusReason.json), ("physical_resource_id", resource.physicalID.json),
                ("instance_diagnosis", resource.physicalID.flatMap { diagnoses[$0] }),
            ]))
        }
        let failureEvents = events.filter { $0.status?.hasSuffix("_FAILED") == true }.map { event -> JSONValue in
            .object(.compact([
                ("event_time", event.time.json), ("resource_name", event.resourceName.json),
                ("resource_status", event.status.json), ("resource_status_reason", event.statusReason.json),
            ]))
        }
        var item = StackTools.summary(stack)
        item["summary"] = .string(sentence(stack, roots: roots))
        item["resources_total"] = .int(resources.count)
        item["resources_failed"] = .int(failed.count)
        item["root_causes"] = .array(rootNodes)
        item["recent_failure_events"] = .array(failureEvents)
        item["in_progress"] = .array(resources.filter { $0.status?.hasSuffix("_IN_PROGRESS") == true }.map { .string($0.name) })
        return ShowOutput.result(
            item: Redactor.redact(.object(item)), cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    /// Most failed servers diagnosed for one stack.
    static let serversDiagnosed = 2

    /// The top `diagnose_instance` finding of each failed server resource (a few, concurrently).
    static func serverDiagnoses(_ roots: [StackResource], cloud: OpenStackCloud) async -> [String: JSONValue] {
        let ids = roots.filter { $0.type == "OS::Nova::Server" }.compactMap(\.physicalID).filter { !$0.isEmpty }
        return await BoundedConcurrency.map(Array(ids.prefix(serversDiagnosed)), limit: serversDiagnosed) { id in
            await DiagnoseInstance.topFinding(serverID: id, cloud: cloud)
        }.compactMapValues { $0 }
    }

    /// One line an operator can read first.
    static func sentence(_ stack: Stack, roots: [StackResource]) -> String {
        let status = stack.status ?? "in an unknown state"
        guard stack.isFailed || !roots.isEmpty else { return "Stack \(stack.name) is \(status)." }
        guard let first = roots.first else {
            return "Stack \(stack.name) is \(status): \(stack.statusReason ?? "Heat gave no reason")."
        }
        let place = first.stackName.map { $0 == stack.name ? "" : " in nested stack \($0)" } ?? ""
        let more = roots.count > 1 ? " (and \(roots.count - 1) more failed resource(s))" : ""
        return "Stack \(stack.name) is \(status): resource \(first.name) (\(first.type ?? "?"))\(place) failed: "
            + "\(first.statusReason ?? "no reason given")\(more)."
    }
}
