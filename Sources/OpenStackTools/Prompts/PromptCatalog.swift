
/// Prompts an operator would reach for: a health report, troubleshooting one instance, capacity.
///
/// Each prompt is a plan that names the tools to call, so the assistant gathers facts before it
/// concludes, and says which cloud to ask.
public struct PromptCatalog: Sendable {
    struct Entry: Sendable {
        var prompt: PromptDeclaration
        var render: @Sendable ([String: String]) throws -> String
    }

    static let entries: [Entry] = [
        Entry(
            prompt: PromptDeclaration(
                name: "cloud_health_report", title: "Cloud health report",
                description: "Check services, agents and resources in ERROR, and summarise what needs attention.",
                arguments: [.init(name: "cloud", description: "Cloud to check (default: the first).", required: false)]),
            render: { arguments in
                """
                Write a health report for the OpenStack cloud\(cloudClause(arguments)).
                1. Call get_compute_services, get_network_agents and get_volume_services; list every service that is down or disabled, with its host and disabled_reason.
                2. Call get_instances with all_projects=true and status=ERROR; for each, give the host and the fault message.
                3. Call get_volumes with all_projects=true and status=error.
                4. If cloud_overview is available, use it for capacity and quota pressure.
                Finish with a short list of actions, most urgent first. Only report what the tools returned.
                """
            }),
        Entry(
            prompt: PromptDeclaration(
                name: "troubleshoot_instance", title: "Troubleshoot an instance",
                description: "Find out why a server is broken or unreachable.",
                arguments: [
                    .init(name: "server", description: "Server ID or name.", required: true),
                    .init(name: "cloud", description: "Cloud (default: the first).", required: false),
                ]),
            render: { arguments in
                guard let server = arguments["server"], !server.isEmpty else {
                    throw ProtocolError.invalidParams("troubleshoot_instance needs the argument 'server' (an ID or name)")
                }
                return """
                    Troubleshoot the server '\(server)'\(cloudClause(arguments)).
                    1. Call diagnose_instance with server='\(server)': its findings name the cause (scheduling, host, ports, volumes) with evidence, most severe first; `checked` says what is ruled out and `unknown` what could not be checked.
                    2. If the question is about reaching it (SSH, HTTP, the internet), call diagnose_connectivity with the protocol, port and direction in question; it evaluates the security-group rules, subnet, router, floating IP and agents for that flow.
                    3. For detail behind a finding, call describe_instance (everything around the server) or the tool its next_step names.
                    Give the most likely cause, the evidence for it, and the next step. Nothing can be changed through these tools.
                    """
            }),
        Entry(
            prompt: PromptDeclaration(
                name: "capacity_report", title: "Capacity report",
                description: "Compare hypervisor capacity with usage, and quotas with consumption.",
                arguments: [.init(name: "cloud", description: "Cloud (default: the first).", required: false)]),
            render: { arguments in
                """
                Write a capacity report for the OpenStack cloud\(cloudClause(arguments)).
                1. Use cloud_overview if available; otherwise get_hypervisors (vCPU, RAM and disk used against total per host) and get_compute_services.
                2. Use get_compute_quotas, get_volume_quotas and get_network_quotas for quota pressure, where available.
                3. Count instances by flavor with get_instances (all_projects=true, detail_level=basic).
                Report the hosts and quotas above 80% first, then headroom in instances of the most used flavor.
                """
            }),
    ]

    static func cloudClause(_ arguments: [String: String]) -> String {
        guard let cloud = arguments["cloud"], !cloud.isEmpty else { return "" }
        return " '\(cloud)' (pass cloud=\"\(cloud)\" to every tool)"
    }

    /// The prompts, in the order `prompts/list` shows them.
    public static var prompts: [PromptDeclaration] { entries.map(\.prompt) }

    /// The text of one prompt; an unknown prompt or a missing argument is `ProtocolError.invalidParams`.
    public static func render(name: String, arguments: [String: String]) throws -> (description: String?, text: String) {
        guard let entry = entries.first(where: { $0.prompt.name == name }) else {
            throw ProtocolError.invalidParams(
                "Unknown prompt '\(name)'. Available: \(prompts.map(\.name).joined(separator: ", ")).")
        }
        return (entry.prompt.description, try entry.render(arguments))
    }
}
