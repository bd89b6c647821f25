import Foundation

/// Keypairs, server groups, aggregates and quotas. It runs on its own random stream (derived
/// from the seed), so adding it left every other generated value unchanged.
struct ComputeExtrasGenerator {
    struct Output {
        var keypairs: [DemoKeypair] = []
        var serverGroups: [DemoServerGroup] = []
        var aggregates: [DemoAggregate] = []
        var quotas: [DemoComputeQuota] = []
    }

    var rng: SplitMix64
    let projects: [DemoProject]
    let users: [DemoUser]
    let hosts: [DemoHypervisorHost]
    let servers: [DemoServer]
    let flavors: [String: DemoFlavor]
    let reference = DemoDataGenerator.referenceDate

    init(seed: UInt64, parts: DemoDataGenerator.Parts) {
        rng = SplitMix64(seed: seed ^ 0x636F_6D70_7574_6521)
        projects = parts.projects
        users = parts.users
        hosts = parts.hosts
        servers = parts.servers
        flavors = Dictionary(uniqueKeysWithValues: parts.flavors.map { ($0.id, $0) })
    }

    mutating func generate() -> Output {
        var output = Output()
        output.keypairs = makeKeypairs()
        output.serverGroups = makeServerGroups()
        output.aggregates = makeAggregates()
        output.quotas = makeQuotas()
        return output
    }

    private func project(_ name: String) -> String { projects.first { $0.name == name }!.id }
    private func user(_ name: String) -> String { users.first { $0.name == name }!.id }

    private mutating func makeKeypairs() -> [DemoKeypair] {
        let admin = user(DemoCloud.adminUser), demo = user(DemoCloud.memberUser)
        // The servers' key names are "<project>-key"; the admin user created the admin and alt servers.
        let specs = [
            ("admin-key", admin, "ssh"), ("alt-key", admin, "ssh"), ("ops-ed25519", admin, "ssh"),
            ("admin-x509", admin, "x509"), ("demo-key", demo, "ssh"), ("demo-laptop", demo, "ssh"),
        ]
        return specs.enumerated().map { index, spec in
            let (name, owner, type) = spec
            let fingerprint = (0..<16).map { _ in rng.hex(2) }.joined(separator: ":")
            let body = type == "x509"
                ? "-----BEGIN CERTIFICATE-----\nMIIDaTCCAlGgAwIBAgIJA\(rng.hex(48))\n-----END CERTIFICATE-----\n"
                : name.hasSuffix("ed25519") ? "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\(rng.hex(43)) \(name)\n"
                : "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ\(rng.hex(96)) Generated-by-Nova\n"
            return DemoKeypair(
                id: index + 1, name: name, userID: owner, type: type, fingerprint: fingerprint, publicKey: body,
                createdAt: reference.addingTimeInterval(-Double((400 - index * 20) * 86_400)))
        }
    }

    /// Groups whose members really are placed as their policy says.
    private mutating func makeServerGroups() -> [DemoServerGroup] {
        let placed = servers.filter { $0.host != nil && $0.status != "ERROR" }
        func inProject(_ name: String) -> [DemoServer] { placed.filter { $0.projectID == project(name) } }
        var groups: [DemoServerGroup] = []
        func add(_ name: String, _ policy: String, _ rules: [String: Int], _ members: [DemoServer], _ projectName: String) {
            let owner = projectName == DemoCloud.memberProject ? user(DemoCloud.memberUser) : user(DemoCloud.adminUser)
            groups.append(
                DemoServerGroup(
                    id: rng.uuid(), name: name, policy: policy, rules: rules, members: members.map(\.id),
                    projectID: project(projectName), userID: owner))
        }
        var spread: [DemoServer] = []
        for server in inProject(DemoCloud.memberProject) where server.name.hasPrefix("web")
            && !spread.contains(where: { $0.host == server.host }) { spread.append(server) }
        add("web-anti-affinity", "anti-affinity", ["max_server_per_host": 1], spread, DemoCloud.memberProject)
        let adminServers = inProject(DemoCloud.adminProject)
        let busiest = Dictionary(grouping: adminServers, by: { $0.host! }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }
        add("db-affinity", "affinity", [:], Array((busiest?.value ?? []).prefix(3)), DemoCloud.adminProject)
        add("batch-soft-anti-affinity", "soft-anti-affinity", [:], Array(inProject(DemoCloud.altProject).prefix(4)), DemoCloud.altProject)
        add("cache-soft-affinity", "soft-affinity", [:], [], DemoCloud.memberProject)
        return groups
    }

    private mutating func makeAggregates() -> [DemoAggregate] {
        let names = hosts.map(\.name)
        let half = max(1, names.count / 2)
        let specs: [(String, [String], [String: String])] = [
            ("ssd-hosts", Array(names.prefix(half)), ["ssd": "true"]),
            ("gpu-hosts", [names.last!], ["gpu": "true", "pci_passthrough:alias": "a100:1"]),
            ("maintenance", hosts.filter { $0.status == "disabled" }.map(\.name), ["reason": "replacing failed DIMM"]),
        ]
        return specs.enumerated().map { index, spec in
            DemoAggregate(
                id: index + 1, uuid: rng.uuid(), name: spec.0, availabilityZone: nil, hosts: spec.1, metadata: spec.2,
                createdAt: reference.addingTimeInterval(-Double((250 - index * 50) * 86_400)))
        }
    }

    /// The admin project is unlimited; `demo` has headroom; `alt` is as full as its cores allow
    /// (or at Nova's defaults when it uses less).
    private func makeQuotas() -> [DemoComputeQuota] {
        projects.map { project in
            let owned = servers.filter { $0.projectID == project.id }
            let cores = owned.reduce(0) { $0 + (flavors[$1.flavorID]?.vcpus ?? 0) }
            let ram = owned.reduce(0) { $0 + (flavors[$1.flavorID]?.ram ?? 0) }
            func roundUp(_ value: Int, _ step: Int) -> Int { (value + step - 1) / step * step }
            switch project.name {
            case DemoCloud.adminProject:
                return DemoComputeQuota(
                    projectID: project.id, instances: -1, cores: -1, ram: -1, keyPairs: 100, metadataItems: 128,
                    serverGroups: 10, serverGroupMembers: 10)
            case DemoCloud.memberProject:
                return DemoComputeQuota(
                    projectID: project.id, instances: max(10, roundUp(owned.count * 5 / 4, 10)),
                    cores: max(20, roundUp(cores * 3 / 2, 10)), ram: max(51_200, roundUp(ram * 3 / 2, 1024)),
                    keyPairs: 100, metadataItems: 128, serverGroups: 10, serverGroupMembers: 10)
            default:
                return DemoComputeQuota(
                    projectID: project.id, instances: max(10, owned.count + 2), cores: max(20, cores),
                    ram: max(51_200, ram), keyPairs: 100, metadataItems: 128, serverGroups: 10, serverGroupMembers: 10)
            }
        }
    }
}
