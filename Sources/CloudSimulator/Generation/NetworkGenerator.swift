import Foundation

/// Networks and subnets: `public` (external, flat), `shared-net` (shared) and one
/// `private-<project>` (vxlan) per project, each with one subnet.
extension DemoDataGenerator {
    /// Address prefix (first two octets) of a project's private network.
    func privatePrefix(projectIndex: Int) -> String { "10.\(projectIndex + 1)" }
    /// Address prefix of `shared-net`.
    static let sharedPrefix = "10.100"
    /// Address prefix of the floating IP range on `public`.
    static let floatingPrefix = "172.24"
    /// Name of the external network.
    static let publicNetworkName = "public"
    /// Name of the shared network.
    static let sharedNetworkName = "shared-net"

    mutating func makeNetworks() {
        let admin = projectID(named: DemoCloud.adminProject)
        addNetwork(
            name: Self.publicNetworkName, project: admin, shared: false, external: true, type: "flat",
            physical: "public", segment: nil, prefix: Self.floatingPrefix, dhcp: false, isDefault: true,
            description: "External provider network"
        )
        addNetwork(
            name: Self.sharedNetworkName, project: admin, shared: true, external: false, type: "vxlan",
            physical: nil, segment: 100, prefix: Self.sharedPrefix, dhcp: true, isDefault: false,
            description: "Network shared by every project"
        )
        for (index, project) in parts.projects.enumerated() {
            addNetwork(
                name: "private-\(project.name)", project: project.id, shared: false, external: false, type: "vxlan",
                physical: nil, segment: 101 + index, prefix: privatePrefix(projectIndex: index), dhcp: true,
                isDefault: false, description: ""
            )
        }
        parts.networks.sort { $0.id < $1.id }
        parts.subnets.sort { $0.id < $1.id }
    }

    private mutating func addNetwork(
        name: String, project: String, shared: Bool, external: Bool, type: String, physical: String?,
        segment: Int?, prefix: String, dhcp: Bool, isDefault: Bool, description: String
    ) {
        let created = daysAgo(300)
        let networkID = rng.uuid()
        let subnet = DemoSubnet(
            id: rng.uuid(), name: "\(name)-subnet", networkID: networkID, projectID: project,
            cidr: "\(prefix).0.0/16", gatewayIP: "\(prefix).0.1", ipVersion: 4, enableDHCP: dhcp,
            allocationPools: [DemoAllocationPool(start: "\(prefix).0.2", end: "\(prefix).255.254")],
            dnsNameservers: external ? [] : ["1.1.1.1", "8.8.8.8"], createdAt: created,
            updatedAt: created.addingTimeInterval(3), revisionNumber: 2, description: ""
        )
        parts.subnets.append(subnet)
        parts.networks.append(
            DemoNetwork(
                id: networkID, name: name, projectID: project, shared: shared, external: external, status: "ACTIVE",
                adminStateUp: true, mtu: type == "vxlan" ? 1450 : 1500, networkType: type, physicalNetwork: physical,
                segmentationID: segment, subnetIDs: [subnet.id], availabilityZones: ["nova"], tags: [],
                createdAt: created, updatedAt: created.addingTimeInterval(3), revisionNumber: 2,
                portSecurityEnabled: true, isDefault: isDefault, description: description
            )
        )
    }
}
