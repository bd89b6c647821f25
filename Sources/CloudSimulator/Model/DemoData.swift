import Foundation

/// The seeded dataset a ``DemoCloud`` serves. Deterministic for a given seed and server count
/// (only service heartbeat times follow the wall clock). Arrays are in the order the APIs list
/// them by default: servers, volumes and images newest first; networks, subnets and agents by id.
public struct DemoData: Sendable {
    /// Seed the data was generated from.
    public let seed: UInt64
    /// Keystone projects (`admin`, `demo`, `alt`).
    public let projects: [DemoProject]
    /// Keystone roles (`admin`, `member`, `reader`).
    public let roles: [DemoRole]
    /// Keystone users (`admin`, `demo`, `demo_reader`).
    public let users: [DemoUser]
    /// Application credentials (`democred-admin`).
    public let applicationCredentials: [DemoApplicationCredential]
    /// Catalog services.
    public let identityServices: [DemoIdentityService]
    /// Catalog endpoints (`public` and `internal` per service).
    public let endpoints: [DemoEndpoint]
    /// Compute hosts `compute-1` ... `compute-K`.
    public let hypervisorHosts: [DemoHypervisorHost]
    /// Flavors, ordered by id as Nova lists them.
    public let flavors: [DemoFlavor]
    /// Glance images, newest first.
    public let images: [DemoImage]
    /// The projects shared images are offered to.
    public let imageMembers: [DemoImageMember]
    /// Glance tasks, newest first.
    public let imageTasks: [DemoImageTask]
    /// Neutron networks, by id.
    public let networks: [DemoNetwork]
    /// Neutron subnets, by id.
    public let subnets: [DemoSubnet]
    /// Nova servers, newest first (Nova's default `created_at desc`).
    public let servers: [DemoServer]
    /// Cinder volumes, newest first.
    public let volumes: [DemoVolume]
    /// Nova services.
    public let computeServices: [DemoComputeService]
    /// Neutron agents, by id.
    public let networkAgents: [DemoNetworkAgent]
    /// Cinder services.
    public let volumeServices: [DemoVolumeService]
    /// Nova keypairs of every user.
    public let keypairs: [DemoKeypair]
    /// Nova server groups.
    public let serverGroups: [DemoServerGroup]
    /// Nova host aggregates.
    public let aggregates: [DemoAggregate]
    /// Compute quota limits, one per project.
    public let computeQuotas: [DemoComputeQuota]
    /// Ports, routers, floating IPs, security groups, subnet pools, trunks and quotas.
    public let neutron: DemoNeutronResources
    /// Cinder volume types, snapshots, backups, pools and quota limits.
    public let blockStorage: DemoBlockStorage

    /// Cinder's transfers, groups, group types, group snapshots and QoS specs.
    public let cinderExtras: DemoCinderExtras

    /// Heat stacks, Octavia balancers and Swift accounts.
    let extras: DemoExtraServices
    /// Barbican secrets, containers and orders (the soon-expiring secret follows the wall clock).
    let keyManager: DemoKeyManager
    /// Ironic nodes, ports, portgroups, allocations, conductors and drivers.
    let baremetal: DemoBaremetal
    /// Designate's zones, recordsets, PTR records, transfer requests and pools.
    let dns: DemoDNS

    let serverIndex: [String: Int]
    let volumeIndex: [String: Int]
    let imageIndex: [String: Int]
    /// Indexes into `servers` by host name.
    let serversByHost: [String: [Int]]

    /// Generates the dataset for a configuration (only `servers` and `seed` matter).
    public init(configuration: DemoCloudConfiguration = .init()) {
        var generator = DemoDataGenerator(seed: configuration.seed, serverCount: max(0, configuration.servers))
        var parts = generator.generate()
        // After everything the generator seeds, so that the rest of the data stays as it was.
        if configuration.diagnosisScenarios {
            parts.addDiagnosisScenarios(seed: configuration.seed, serverCount: max(0, configuration.servers))
        }
        seed = configuration.seed
        projects = parts.projects
        roles = parts.roles
        users = parts.users
        applicationCredentials = parts.applicationCredentials
        identityServices = parts.identityServices.filter { !configuration.catalogOmits.contains($0.type) }
        let listed = Set(identityServices.map(\.id))
        endpoints = parts.endpoints.filter { listed.contains($0.serviceID) }
        hypervisorHosts = parts.hosts
        flavors = parts.flavors
        images = parts.images
        imageMembers = parts.imageMembers
        imageTasks = parts.imageTasks
        networks = parts.networks
        subnets = parts.subnets
        servers = parts.servers
        volumes = parts.volumes
        computeServices = parts.computeServices
        networkAgents = parts.networkAgents
        volumeServices = parts.volumeServices
        var extras = ComputeExtrasGenerator(seed: configuration.seed, parts: parts)
        let compute = extras.generate()
        keypairs = compute.keypairs
        serverGroups = compute.serverGroups
        aggregates = compute.aggregates
        computeQuotas = compute.quotas
        neutron = parts.neutron
        blockStorage = BlockStorageGenerator.generate(
            seed: configuration.seed, volumes: parts.volumes, projects: parts.projects, reference: DemoDataGenerator.referenceDate)
        cinderExtras = CinderExtrasGenerator.generate(
            seed: configuration.seed, volumes: parts.volumes, projects: parts.projects, types: blockStorage.volumeTypes,
            reference: DemoDataGenerator.referenceDate)
        var extraGenerator = ExtraServicesGenerator(
            seed: configuration.seed, servers: parts.servers, ports: parts.neutron.ports, subnets: parts.subnets,
            projects: parts.projects)
        var services = extraGenerator.generate()
        services.addOctaviaExtras(
            seed: configuration.seed, reference: DemoDataGenerator.referenceDate,
            memberProject: parts.projects.first { $0.name == DemoCloud.memberProject }?.id)
        self.extras = services
        var keyManagerBaremetal = KeyManagerBaremetalGenerator(
            seed: configuration.seed, now: Date(), servers: parts.servers, projects: parts.projects, users: parts.users)
        (keyManager, baremetal) = keyManagerBaremetal.generate()
        dns = DesignateGenerator.generate(
            seed: configuration.seed, floatingIPs: parts.neutron.floatingIPs, ports: parts.neutron.ports,
            servers: parts.servers, projects: parts.projects)
        serverIndex = Dictionary(uniqueKeysWithValues: servers.enumerated().map { ($1.id, $0) })
        volumeIndex = Dictionary(uniqueKeysWithValues: volumes.enumerated().map { ($1.id, $0) })
        imageIndex = Dictionary(uniqueKeysWithValues: images.enumerated().map { ($1.id, $0) })
        var byHost: [String: [Int]] = [:]
        for (index, server) in parts.servers.enumerated() {
            if let host = server.host { byHost[host, default: []].append(index) }
        }
        serversByHost = byHost
    }

    /// The project with this name.
    public func project(named name: String) -> DemoProject? {
        projects.first { $0.name == name }
    }

    /// The user with this name.
    public func user(named name: String) -> DemoUser? {
        users.first { $0.name == name }
    }

    /// The server with this id.
    public func server(id: String) -> DemoServer? {
        serverIndex[id].map { servers[$0] }
    }

    /// The volume with this id.
    public func volume(id: String) -> DemoVolume? {
        volumeIndex[id].map { volumes[$0] }
    }

    /// The image with this id.
    public func image(id: String) -> DemoImage? {
        imageIndex[id].map { images[$0] }
    }

    /// The flavor with this id.
    public func flavor(id: String) -> DemoFlavor? {
        flavors.first { $0.id == id }
    }

    /// The network with this id.
    public func network(id: String) -> DemoNetwork? {
        networks.first { $0.id == id }
    }
}
