import Foundation

/// The demo cloud's Manila data, derived from the seeded data (a generator of its own, so that
/// every other seeded value stays as it was): a share network on each project's private
/// network, NFS shares exported to the demo subnet with access rules, one share in error.
struct ManilaData: Sendable {
    struct ShareNetwork: Sendable {
        let id, name, projectID, networkID, subnetID, cidr: String
        let serverID: String
    }

    struct Rule: Sendable {
        let id, type, to, level, state: String
    }

    struct Share: Sendable {
        let id, name, projectID, proto, status, typeName, typeID: String
        let size: Int
        let network: ShareNetwork?
        let rules: [Rule]
        let createdAt: Date
        /// Where it is mounted from (none for a share that never became available).
        var exports: [(path: String, preferred: Bool, adminOnly: Bool)] {
            guard status == "available", let network else { return [] }
            let address = ManilaData.host(in: network.cidr, 50)
            let path = proto == "CIFS" ? "\\\\\(address)\\share-\(id.prefix(8))" : "\(address):/shares/share-\(id)"
            return [(path, true, false), ("192.168.250.10:/shares/share-\(id)", false, true)]
        }
    }

    struct Snapshot: Sendable {
        let id, name, shareID, projectID, status: String
        let size: Int
    }

    let types: [(id: String, name: String, dhss: Bool, snapshots: Bool)]
    let networks: [ShareNetwork]
    let shares: [Share]
    let snapshots: [Snapshot]

    init(_ data: DemoData) {
        var rng = SplitMix64(seed: data.seed ^ 0x4D41_4E49_4C41)
        types = [(rng.uuid(), "default", true, true), (rng.uuid(), "gold-nfs", true, false)]
        var networks: [ShareNetwork] = []
        for project in data.projects where project.name != DemoCloud.adminProject {
            guard let network = data.networks.first(where: { $0.name == "private-\(project.name)" }),
                let subnet = data.subnets.first(where: { $0.networkID == network.id })
            else { continue }
            networks.append(ShareNetwork(
                id: rng.uuid(), name: "\(project.name)-share-net", projectID: project.id, networkID: network.id,
                subnetID: subnet.id, cidr: subnet.cidr, serverID: rng.uuid()))
        }
        self.networks = networks
        var shares: [Share] = []
        let reference = DemoDataGenerator.referenceDate
        if let demo = networks.first(where: { $0.name == "\(DemoCloud.memberProject)-share-net" }) {
            let clients = ManilaData.host(in: demo.cidr, 0) + "/24"
            shares.append(Share(
                id: rng.uuid(), name: "demo-nfs-data", projectID: demo.projectID, proto: "NFS", status: "available",
                typeName: "default", typeID: types[0].id, size: 10, network: demo,
                rules: [
                    Rule(id: rng.uuid(), type: "ip", to: clients, level: "rw", state: "active"),
                    Rule(id: rng.uuid(), type: "ip", to: "203.0.113.7", level: "ro", state: "active"),
                    Rule(id: rng.uuid(), type: "ip", to: "198.51.100.0/24", level: "ro", state: "error"),
                ],
                createdAt: reference.addingTimeInterval(-30 * 86_400)))
            shares.append(Share(
                id: rng.uuid(), name: "demo-cifs-reports", projectID: demo.projectID, proto: "CIFS", status: "error",
                typeName: "gold-nfs", typeID: types[1].id, size: 5, network: demo, rules: [],
                createdAt: reference.addingTimeInterval(-2 * 86_400)))
        }
        if let alt = networks.first(where: { $0.name == "\(DemoCloud.altProject)-share-net" }) {
            shares.append(Share(
                id: rng.uuid(), name: "alt-nfs-home", projectID: alt.projectID, proto: "NFS", status: "available",
                typeName: "default", typeID: types[0].id, size: 20, network: alt,
                rules: [Rule(id: rng.uuid(), type: "ip", to: ManilaData.host(in: alt.cidr, 0) + "/24", level: "rw", state: "active")],
                createdAt: reference.addingTimeInterval(-12 * 86_400)))
        }
        self.shares = shares
        snapshots = shares.prefix(1).map { share in
            Snapshot(id: rng.uuid(), name: "\(share.name)-nightly", shareID: share.id, projectID: share.projectID, status: "available", size: share.size)
        }
    }

    /// The address `last` in an IPv4 CIDR's /24 (`10.0.1.0/24`, 50 → `10.0.1.50`).
    static func host(in cidr: String, _ last: Int) -> String {
        let octets = cidr.split(separator: "/")[0].split(separator: ".")
        guard octets.count == 4 else { return "10.254.0.\(last)" }
        return octets.prefix(3).joined(separator: ".") + ".\(last)"
    }
}
