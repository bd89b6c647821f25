import OpenStackKit

/// `diagnose_instance`: why a server is not working, in one call: its state and fault, its
/// failed actions, for a scheduling failure what no host offers, its host's compute service,
/// its port bindings and its volumes.
enum DiagnoseInstance {
    static let rules: [any DiagnosisRule<InstanceFacts>] = [
        ServerStateRule(), SchedulingRule(), ServerGroupRule(), FailedActionsRule(), HostServiceRule(), PortBindingRule(),
        AttachedVolumesRule(),
    ]

    static var definition: ToolDefinition {
        ToolDefinition(
            name: "diagnose_instance", title: "Diagnose a server",
            description: "Why a server is in ERROR or broken: the cause with evidence (scheduling, host, ports, volumes).",
            inputSchema: Schema.object(["server": Schema.string("Server ID or name")], required: ["server"]),
            outputSchema: DiagnosisReport.outputSchema
        ) { context, arguments in
            guard let key = try arguments.string("server") else {
                throw ToolArgumentError(argument: "server", problem: "required: the server's ID or exact name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let report = await diagnose(try await GetInstance.find(key, cloud: cloud), cloud: cloud)
            return report.result(cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }

    static func diagnose(_ server: OpenStackKit.Server, cloud: OpenStackCloud) async -> DiagnosisReport {
        let facts = await InstanceFacts.gather(server, cloud: cloud)
        var report = DiagnosisReport(subject: ("server", server.id, server.name))
        report.apply(rules, to: facts)
        return report
    }

    /// The top finding for a server named by ID, in a line (`describe_stack` shows it beside a
    /// failed server resource); nil when the server cannot be read.
    static func topFinding(serverID: String, cloud: OpenStackCloud) async -> JSONValue? {
        guard let server = try? await GetInstance.find(serverID, cloud: cloud) else { return nil }
        guard let top = await diagnose(server, cloud: cloud).ordered.first else { return nil }
        return ["code": .string(top.code), "summary": .string(top.summary), "next_step": .string(top.nextStep)]
    }
}
