import Logging
import OpenStackKit

/// Every tool the server can offer, in one explicit list, and the one entry point that runs them.
public struct ToolRegistry: Sendable {
    /// The tools this server offers, in the order `tools/list` shows them.
    public let tools: [ToolDefinition]
    public let context: ToolContext
    private let byName: [String: ToolDefinition]

    /// - Parameters:
    ///   - enabled: the tools chosen with `ToolSelection` (nil: every tool);
    ///   - services: the services in the catalogs of the configured clouds (nil: unknown, hide nothing).
    ///     A tool whose service no cloud has is not offered.
    public init(
        clouds: CloudSet, settings: ToolSettings = .init(), logger: Logger, enabled: Set<String>? = nil,
        services: Set<ServiceType>? = nil
    ) {
        self.context = ToolContext(clouds: clouds, settings: settings, logger: logger)
        let offered = Self.catalog.filter { entry in
            (enabled?.contains(entry.definition.name) ?? true)
                && (entry.service.map { services?.contains($0) ?? true } ?? true)
        }
        self.tools = offered.map(\.definition)
        self.byName = Dictionary(uniqueKeysWithValues: tools.map { ($0.name, $0) })
    }

    /// Every tool, grouped by toolset; `isDefault` marks the small default surface. The seed's eight
    /// tools, `get_identity`, `describe_instance` and `cloud_overview` are in it.
    public static let catalog: [ToolEntry] = [
            ToolEntry(definition: GetInstances.definition, toolset: .compute, isDefault: true, service: .compute),
            ToolEntry(definition: GetInstance.definition, toolset: .compute, isDefault: true, service: .compute),
            ToolEntry(definition: GetInstanceActions.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetInstanceInterfaces.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetFlavors.definition, toolset: .compute, isDefault: true, service: .compute),
            ToolEntry(definition: GetFlavor.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetFlavorAccess.definition, toolset: .compute, isDefault: false, service: .compute, adminOnly: true),
            ToolEntry(definition: GetHypervisors.definition, toolset: .compute, isDefault: true, service: .compute, adminOnly: true),
            ToolEntry(definition: GetHypervisor.definition, toolset: .compute, isDefault: false, service: .compute, adminOnly: true),
            ToolEntry(definition: GetAvailabilityZones.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetKeypairs.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetServerGroups.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetAggregates.definition, toolset: .compute, isDefault: false, service: .compute, adminOnly: true),
            ToolEntry(definition: GetComputeLimits.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetComputeQuotas.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetUsage.definition, toolset: .compute, isDefault: false, service: .compute),
            ToolEntry(definition: GetComputeServices.definition, toolset: .compute, isDefault: true, service: .compute, adminOnly: true),
            ToolEntry(definition: GetMigrations.definition, toolset: .compute, isDefault: false, service: .compute, adminOnly: true),
            ToolEntry(definition: GetResourceProviders.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetResourceProviderTraits.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetResourceProviderAggregates.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetResourceProviderInventories.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetResourceProviderUsages.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetAllocations.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetAllocationCandidates.definition, toolset: .placement, isDefault: false, service: .placement, adminOnly: true),
            ToolEntry(definition: GetNetworks.definition, toolset: .network, isDefault: true, service: .network),
            ToolEntry(definition: GetNetwork.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetSubnets.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetSubnet.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetPorts.definition, toolset: .network, isDefault: true, service: .network),
            ToolEntry(definition: GetPort.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetRouters.definition, toolset: .network, isDefault: true, service: .network),
            ToolEntry(definition: GetRouter.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetFloatingIPs.definition, toolset: .network, isDefault: true, service: .network),
            ToolEntry(definition: GetFloatingIP.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetSecurityGroups.definition, toolset: .network, isDefault: true, service: .network),
            ToolEntry(definition: GetSecurityGroup.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetSecurityGroupRules.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetNetworkQuotas.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetNetworkIPAvailability.definition, toolset: .network, isDefault: false, service: .network, adminOnly: true),
            ToolEntry(definition: GetSubnetPools.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetTrunks.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetQoSPolicies.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetRBACPolicies.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetPortForwardings.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetSegments.definition, toolset: .network, isDefault: false, service: .network, adminOnly: true),
            ToolEntry(definition: GetAddressScopes.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetNetworkExtensions.definition, toolset: .network, isDefault: false, service: .network),
            ToolEntry(definition: GetNetworkAgents.definition, toolset: .network, isDefault: true, service: .network, adminOnly: true),
            ToolEntry(definition: GetVolumes.definition, toolset: .storage, isDefault: true, service: .blockStorage),
            ToolEntry(definition: GetVolume.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetSnapshots.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetSnapshot.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetBackups.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetBackup.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeTypes.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeType.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetQoSSpecs.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeTransfers.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeGroups.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetGroupTypes.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetGroupSnapshots.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumePools.definition, toolset: .storage, isDefault: false, service: .blockStorage, adminOnly: true),
            ToolEntry(definition: GetVolumeLimits.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeQuotas.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeAttachments.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeMessages.definition, toolset: .storage, isDefault: false, service: .blockStorage),
            ToolEntry(definition: GetVolumeServices.definition, toolset: .storage, isDefault: true, service: .blockStorage, adminOnly: true),
            ToolEntry(definition: GetImages.definition, toolset: .image, isDefault: true, service: .image),
            ToolEntry(definition: GetImage.definition, toolset: .image, isDefault: false, service: .image),
            ToolEntry(definition: GetImageMembers.definition, toolset: .image, isDefault: false, service: .image),
            ToolEntry(definition: GetImageTasks.definition, toolset: .image, isDefault: false, service: .image, adminOnly: true),
            ToolEntry(definition: GetImageStores.definition, toolset: .image, isDefault: false, service: .image),
            ToolEntry(definition: GetIdentity.definition, toolset: .identity, isDefault: true, service: .identity),
            ToolEntry(definition: GetServices.definition, toolset: .identity, isDefault: true, service: .identity, adminOnly: true),
            ToolEntry(definition: GetProjects.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetUsers.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetRegions.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: GetEndpoints.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetDomains.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetRoleAssignments.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: GetRoles.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: GetGroups.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetGroupMembers.definition, toolset: .identity, isDefault: false, service: .identity, adminOnly: true),
            ToolEntry(definition: GetApplicationCredentials.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: GetLimits.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: GetRegisteredLimits.definition, toolset: .identity, isDefault: false, service: .identity),
            ToolEntry(definition: DescribeInstance.definition, toolset: .overview, isDefault: true, service: .compute),
            ToolEntry(definition: CloudOverview.definition, toolset: .overview, isDefault: true, service: .compute),
            ToolEntry(definition: GetClouds.definition, toolset: .overview, isDefault: true, service: nil),
            ToolEntry(definition: DiagnoseInstance.definition, toolset: .diagnose, isDefault: true, service: .compute),
            ToolEntry(definition: DiagnoseConnectivity.definition, toolset: .diagnose, isDefault: true, service: .network),
            ToolEntry(definition: GetStacks.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: GetStack.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: GetStackResources.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: GetStackEvents.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: GetStackTemplate.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: DescribeStack.definition, toolset: .orchestration, isDefault: false, service: .orchestration),
            ToolEntry(definition: GetLoadBalancers.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: LoadBalancerTree.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetListeners.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetPools.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetPoolMembers.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetHealthMonitors.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetAmphorae.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer, adminOnly: true),
            ToolEntry(definition: GetL7Policies.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetL7Rules.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetLoadBalancerStats.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetLoadBalancerFlavors.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetLoadBalancerProviders.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetLoadBalancerAvailabilityZones.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetLoadBalancerQuotas.definition, toolset: .loadBalancer, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: GetObjectStoreAccount.definition, toolset: .objectStore, isDefault: false, service: .objectStore),
            ToolEntry(definition: GetContainers.definition, toolset: .objectStore, isDefault: false, service: .objectStore),
            ToolEntry(definition: GetObjects.definition, toolset: .objectStore, isDefault: false, service: .objectStore),
            ToolEntry(definition: GetObject.definition, toolset: .objectStore, isDefault: false, service: .objectStore),
            // Barbican: metadata only; payloads are refused by the HTTP client.
            ToolEntry(definition: GetSecrets.definition, toolset: .keyManager, isDefault: false, service: .keyManager),
            ToolEntry(definition: GetSecret.definition, toolset: .keyManager, isDefault: false, service: .keyManager),
            ToolEntry(definition: GetSecretContainers.definition, toolset: .keyManager, isDefault: false, service: .keyManager),
            ToolEntry(definition: GetSecretOrders.definition, toolset: .keyManager, isDefault: false, service: .keyManager),
            // Ironic: conductors and drivers are system-reader reads under its default policies.
            ToolEntry(definition: GetBaremetalNodes.definition, toolset: .baremetal, isDefault: false, service: .baremetal),
            ToolEntry(definition: GetBaremetalNode.definition, toolset: .baremetal, isDefault: false, service: .baremetal),
            ToolEntry(definition: GetBaremetalPorts.definition, toolset: .baremetal, isDefault: false, service: .baremetal),
            ToolEntry(definition: GetBaremetalPortgroups.definition, toolset: .baremetal, isDefault: false, service: .baremetal),
            ToolEntry(definition: GetBaremetalAllocations.definition, toolset: .baremetal, isDefault: false, service: .baremetal),
            ToolEntry(definition: GetBaremetalConductors.definition, toolset: .baremetal, isDefault: false, service: .baremetal, adminOnly: true),
            ToolEntry(definition: GetBaremetalDrivers.definition, toolset: .baremetal, isDefault: false, service: .baremetal, adminOnly: true),
            // Designate: pools are an admin read.
            ToolEntry(definition: GetZones.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: GetZone.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: GetRecordsets.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: GetReverseFloatingIPs.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: FindDNSRecords.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: GetZoneTransferRequests.definition, toolset: .dns, isDefault: false, service: .dns),
            ToolEntry(definition: GetDNSPools.definition, toolset: .dns, isDefault: false, service: .dns, adminOnly: true),
            ToolEntry(definition: DiagnoseVolume.definition, toolset: .diagnose, isDefault: false, service: .blockStorage),
            ToolEntry(definition: DiagnoseLoadBalancer.definition, toolset: .diagnose, isDefault: false, service: .loadBalancer),
            ToolEntry(definition: DiagnoseQuota.definition, toolset: .diagnose, isDefault: false, service: .compute),
            ToolEntry(definition: GetInstanceConsoleLog.definition, toolset: .console, isDefault: false, service: .compute),
            // Manila, Gnocchi and Aodh: share pools and share servers are admin reads.
            ToolEntry(definition: GetShares.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetShare.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetShareNetworks.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetShareSnapshots.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetShareTypes.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetSharePools.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem, adminOnly: true),
            ToolEntry(definition: GetShareServers.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem, adminOnly: true),
            ToolEntry(definition: GetShareLimits.definition, toolset: .sharedFileSystem, isDefault: false, service: .sharedFileSystem),
            ToolEntry(definition: GetMetricResources.definition, toolset: .metric, isDefault: false, service: .metric),
            ToolEntry(definition: GetMetrics.definition, toolset: .metric, isDefault: false, service: .metric),
            ToolEntry(definition: GetMeasures.definition, toolset: .metric, isDefault: false, service: .metric),
            ToolEntry(definition: GetArchivePolicies.definition, toolset: .metric, isDefault: false, service: .metric),
            ToolEntry(definition: GetAlarms.definition, toolset: .alarming, isDefault: false, service: .alarming),
            ToolEntry(definition: GetAlarmHistory.definition, toolset: .alarming, isDefault: false, service: .alarming),
    ]

    /// The tool declarations of the catalog, in order.
    static var allTools: [ToolDefinition] { catalog.map(\.definition) }

    /// The offered tool called `name`, if any.
    public func tool(named name: String) -> ToolDefinition? { byName[name] }

    /// Runs one tool. An unknown tool is a JSON-RPC error; every other failure is an `isError` result.
    ///
    /// - Parameter caller: with `--identity caller`, the caller's own clouds and the logger that
    ///   names them; nil reads with the server's own identity.
    public func call(name: String, arguments: [String: JSONValue]?, as caller: ToolCaller? = nil) async throws -> ToolResult {
        guard let tool = byName[name] else {
            throw ProtocolError.invalidParams(
                "Unknown tool '\(name)'\(ToolNames.suggestion(for: name, among: byName.keys)). tools/list shows the \(tools.count) tools offered.")
        }
        let context = caller.map { ToolContext(clouds: $0.clouds, settings: self.context.settings, logger: $0.logger) } ?? self.context
        let measurement = ServerMetrics.toolCallStarted(name)
        let tally = UpstreamTally()
        let arguments = ToolArguments(arguments)
        let (result, outcome) = await UpstreamTally.$current.withValue(tally) { await run(tool, arguments, in: context) }
        record(
            tool: name, arguments: arguments, result: result, outcome: outcome, measurement: measurement, tally: tally,
            context: context)
        return result
    }

    /// Runs a known tool; every failure becomes an `isError` result with its outcome label.
    private func run(_ tool: ToolDefinition, _ arguments: ToolArguments, in context: ToolContext) async -> (ToolResult, String) {
        // One budget covers every upstream request of the call (--call-timeout).
        let budget = CallBudget(limit: context.settings.callTimeout)
        do {
            try tool.check(arguments)
            let scoped = try context.scoped(by: arguments)
            return (try await budget.run { try await tool.handler(scoped, arguments) }, "ok")
        } catch let error as ToolArgumentError {
            return (ListOutput.error(error.description), "bad-arguments")
        } catch let error as OpenStackError {
            let outcome = error.kind == .busy ? "busy" : budget.isExhausted ? "out-of-budget" : "upstream-error"
            return (ListOutput.error(BudgetReport.describe(error, budget: budget, tool: tool.name)), outcome)
        } catch {
            context.logger.error("tool failed", metadata: ["tool": "\(tool.name)", "error": "\(error)"])
            return (
                ListOutput.error("Internal error in \(tool.name): \(error). Next step: report this as a bug with the server log."),
                "internal-error"
            )
        }
    }
}
