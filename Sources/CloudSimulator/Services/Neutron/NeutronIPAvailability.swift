import Foundation

/// `GET /v2.0/network-ip-availabilities`: used and total addresses per network and subnet,
/// counted from the ports (admin only, unpaged, filtered by network, project and `ip_version`).
extension NeutronAPI {
    func ipAvailabilityCollection() -> Collection {
        let data = environment.data
        let index = self.index
        let subnetsByNetwork = Dictionary(grouping: data.subnets, by: \.networkID)
        return Collection(
            singular: "network_ip_availability", key: "network_ip_availabilities", title: "Network IP availability",
            adminOnly: true, paged: false, ownFilters: ["ip_version"]
        ) { request in
            let version = request.query.first("ip_version").flatMap { Int($0) }
            return data.networks.compactMap { network in
                let subnets = (subnetsByNetwork[network.id] ?? []).filter { version == nil || $0.ipVersion == version }
                if subnets.isEmpty && version != nil { return nil }
                return Item(id: network.id) { renderIPAvailability(network, subnets: subnets, index: index) }
            }
        }
    }

    func renderIPAvailability(_ network: DemoNetwork, subnets: [DemoSubnet], index: NeutronIndex) -> JSON {
        var totals = (inSubnet: 0, inPool: 0, used: 0, usedInPool: 0)
        let perSubnet: [JSON] = subnets.map { subnet in
            let usage = index.subnetUsage[subnet.id] ?? NeutronIndex.Usage()
            let inSubnet = IPv4.hostCount(subnet.cidr), inPool = IPv4.poolSize(subnet.allocationPools)
            totals = (totals.inSubnet + inSubnet, totals.inPool + inPool, totals.used + usage.used, totals.usedInPool + usage.inPool)
            return [
                "cidr": .string(subnet.cidr), "ip_version": .int(subnet.ipVersion), "subnet_id": .string(subnet.id),
                "subnet_name": .string(subnet.name), "total_ips": .int(inPool), "used_ips": .int(usage.used),
                "ip_availability_details": Self.details(inSubnet, inPool, usage.used, usage.inPool),
            ]
        }
        return [
            "network_id": .string(network.id), "network_name": .string(network.name),
            "subnet_ip_availability": .array(perSubnet), "project_id": .string(network.projectID),
            "tenant_id": .string(network.projectID), "total_ips": .int(totals.inPool), "used_ips": .int(totals.used),
            "ip_availability_details": Self.details(totals.inSubnet, totals.inPool, totals.used, totals.usedInPool),
        ]
    }

    private static func details(_ inSubnet: Int, _ inPool: Int, _ used: Int, _ usedInPool: Int) -> JSON {
        [
            "total_ips_in_subnet": .int(inSubnet), "total_ips_in_allocation_pool": .int(inPool),
            "used_ips_in_subnet": .int(used), "used_ips_in_allocation_pool": .int(usedInPool),
        ]
    }
}
