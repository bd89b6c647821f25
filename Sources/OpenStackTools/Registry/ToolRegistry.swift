import Logging
import MCP
import OpenStackKit

/// Every tool the server offers, in one explicit list, and the one entry point that runs them.
public struct ToolRegistry: Sendable {
    public let tools: [ToolDefinition]
    public let context: ToolContext

    public init(clouds: CloudSet, settings: ToolSettings = .init(), logger: Logger) {
        self.context = ToolContext(clouds: clouds, settings: settings, logger: logger)
        self.tools = Self.allTools
    }

    /// The tools, in the order `tools/list` shows them.
    static var allTools: [ToolDefinition] {
        [
            GetInstances.definition,
            GetInstance.definition,
            GetInstanceActions.definition,
            GetInstanceInterfaces.definition,
            GetFlavors.definition,
            GetFlavor.definition,
            GetHypervisors.definition,
            GetHypervisor.definition,
            GetAvailabilityZones.definition,
            GetKeypairs.definition,
            GetServerGroups.definition,
            GetAggregates.definition,
            GetComputeLimits.definition,
            GetComputeQuotas.definition,
            GetUsage.definition,
            GetResourceProviders.definition,
            GetVolumes.definition,
            GetNetworks.definition,
            GetNetwork.definition,
            GetSubnets.definition,
            GetSubnet.definition,
            GetPorts.definition,
            GetPort.definition,
            GetRouters.definition,
            GetRouter.definition,
            GetFloatingIPs.definition,
            GetFloatingIP.definition,
            GetSecurityGroups.definition,
            GetSecurityGroup.definition,
            GetSecurityGroupRules.definition,
            GetNetworkQuotas.definition,
            GetNetworkIPAvailability.definition,
            GetSubnetPools.definition,
            GetTrunks.definition,
            GetImages.definition,
            GetComputeServices.definition,
            GetNetworkAgents.definition,
            GetVolumeServices.definition,
            GetServices.definition,
            DescribeInstance.definition,
            CloudOverview.definition,
            GetVolume.definition,
            GetSnapshots.definition,
            GetBackups.definition,
            GetVolumeTypes.definition,
            GetVolumePools.definition,
            GetVolumeLimits.definition,
            GetVolumeQuotas.definition,
            GetVolumeAttachments.definition,
            GetImage.definition,
            GetProjects.definition,
            GetUsers.definition,
            GetRegions.definition,
            GetEndpoints.definition,
            GetDomains.definition,
            GetRoleAssignments.definition,
            GetClouds.definition,
        ]
    }

    /// Runs one tool. An unknown tool is a JSON-RPC error; every other failure is an `isError` result.
    public func call(name: String, arguments: [String: Value]?) async throws -> CallTool.Result {
        guard let tool = tools.first(where: { $0.name == name }) else {
            throw MCPError.invalidParams(
                "Unknown tool '\(name)'. Available tools: \(tools.map(\.name).joined(separator: ", ")).")
        }
        let measurement = ServerMetrics.toolCallStarted(name)
        let tally = UpstreamTally()
        let (result, outcome) = await UpstreamTally.$current.withValue(tally) { await run(tool, arguments) }
        record(tool: name, arguments: arguments, result: result, outcome: outcome, measurement: measurement, tally: tally)
        return result
    }

    /// Runs a known tool; every failure becomes an `isError` result with its outcome label.
    private func run(_ tool: ToolDefinition, _ arguments: [String: Value]?) async -> (CallTool.Result, String) {
        do {
            let arguments = ToolArguments(arguments)
            return (try await tool.handler(try context.scoped(by: arguments), arguments), "ok")
        } catch let error as ToolArgumentError {
            return (ListOutput.error(error.description), "bad-arguments")
        } catch let error as OpenStackError {
            return (ListOutput.error(error.description), "upstream-error")
        } catch {
            context.logger.error("tool failed", metadata: ["tool": "\(tool.name)", "error": "\(error)"])
            return (
                ListOutput.error("Internal error in \(tool.name): \(error). Next step: report this as a bug with the server log."),
                "internal-error"
            )
        }
    }
}
