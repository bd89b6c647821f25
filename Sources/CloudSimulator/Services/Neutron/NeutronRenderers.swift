import Foundation

/// JSON documents of Neutron networks, subnets and agents (keys as in the neutron-lib samples).
extension NeutronAPI {
    func renderNetwork(_ network: DemoNetwork, admin: Bool) -> JSON {
        var body: JSON = [
            "admin_state_up": .bool(network.adminStateUp),
            "availability_zone_hints": [],
            "availability_zones": .strings(network.availabilityZones),
            "created_at": .string(Timestamp.format(network.createdAt, .seconds)),
            "id": .string(network.id),
            "ipv4_address_scope": nil,
            "ipv6_address_scope": nil,
            "l2_adjacency": true,
            "mtu": .int(network.mtu),
            "name": .string(network.name),
            "port_security_enabled": .bool(network.portSecurityEnabled),
            "project_id": .string(network.projectID),
            "qos_policy_id": .str(index.qosByNetwork[network.id]),
        ]
        if admin {
            body.set("provider:network_type", .string(network.networkType))
            body.set("provider:physical_network", .str(network.physicalNetwork))
            body.set("provider:segmentation_id", .num(network.segmentationID))
        }
        body.set("revision_number", .int(network.revisionNumber))
        body.set("router:external", .bool(network.external))
        body.set("shared", .bool(network.shared))
        body.set("status", .string(network.status))
        body.set("subnets", .strings(network.subnetIDs))
        body.set("tags", .strings(network.tags))
        body.set("tenant_id", .string(network.projectID))
        body.set("updated_at", .string(Timestamp.format(network.updatedAt, .seconds)))
        body.set("vlan_transparent", false)
        body.set("qinq", false)
        body.set("description", .string(network.description))
        body.set("is_default", .bool(network.isDefault))
        return body
    }

    func renderSubnet(_ subnet: DemoSubnet, external: Bool) -> JSON {
        [
            "name": .string(subnet.name),
            "enable_dhcp": .bool(subnet.enableDHCP),
            "network_id": .string(subnet.networkID),
            "segment_id": nil,
            "project_id": .string(subnet.projectID),
            "tenant_id": .string(subnet.projectID),
            "created_at": .string(Timestamp.format(subnet.createdAt, .seconds)),
            "dns_nameservers": .strings(subnet.dnsNameservers),
            "dns_publish_fixed_ip": false,
            "allocation_pools": .array(subnet.allocationPools.map { ["start": .string($0.start), "end": .string($0.end)] }),
            "host_routes": [],
            "ip_version": .int(subnet.ipVersion),
            "gateway_ip": .string(subnet.gatewayIP),
            "cidr": .string(subnet.cidr),
            "updated_at": .string(Timestamp.format(subnet.updatedAt, .seconds)),
            "id": .string(subnet.id),
            "description": .string(subnet.description),
            "ipv6_address_mode": nil,
            "ipv6_ra_mode": nil,
            "revision_number": .int(subnet.revisionNumber),
            "service_types": [],
            "subnetpool_id": nil,
            "tags": [],
            "router:external": .bool(external),
        ]
    }

    func renderAgent(_ agent: DemoNetworkAgent) -> JSON {
        [
            "binary": .string(agent.binary),
            "description": nil,
            "availability_zone": .str(agent.availabilityZone),
            "heartbeat_timestamp": .string(Timestamp.format(agent.heartbeatAt, .spaced)),
            "admin_state_up": .bool(agent.adminStateUp),
            "alive": .bool(agent.alive),
            "id": .string(agent.id),
            "topic": .string(agent.topic),
            "host": .string(agent.host),
            "agent_type": .string(agent.agentType),
            "started_at": .string(Timestamp.format(agent.startedAt, .spaced)),
            "created_at": .string(Timestamp.format(agent.createdAt, .spaced)),
            "resources_synced": agent.agentType == "Open vSwitch agent" ? true : nil,
            "configurations": configurations(for: agent),
        ]
    }

    private func configurations(for agent: DemoNetworkAgent) -> JSON {
        let data = environment.data
        switch agent.agentType {
        case "DHCP agent":
            return [
                "subnets": .int(environment.data.subnets.count), "dhcp_lease_duration": 86_400,
                "dhcp_driver": "neutron.agent.linux.dhcp.Dnsmasq", "networks": .int(environment.data.networks.count),
                "log_agent_heartbeats": false, "ports": .int(environment.data.ports.count),
            ]
        case "L3 agent":
            return [
                "agent_mode": "legacy", "gateway_external_network_id": "", "handle_internal_only_routers": true,
                "routers": .int(data.routers.count),
                "interfaces": .int(data.ports.filter { $0.deviceOwner == "network:router_interface" }.count),
                "floating_ips": .int(data.floatingIPs.filter { $0.portID != nil }.count), "interface_driver": "openvswitch",
                "log_agent_heartbeats": false, "ex_gw_ports": .int(data.routers.count),
            ]
        case "Metadata agent":
            return [
                "log_agent_heartbeats": false, "nova_metadata_host": "192.168.100.5", "nova_metadata_port": 8775,
                "metadata_proxy_socket": "/opt/stack/data/neutron/metadata_proxy",
            ]
        default:
            return [
                "ovs_hybrid_plug": false, "in_distributed_mode": false, "datapath_type": "system",
                "tunneling_ip": "192.168.100.5", "arp_responder_enabled": false, "devices": 0,
                "log_agent_heartbeats": false, "l2_population": false, "tunnel_types": ["vxlan"],
                "extensions": [], "enable_distributed_routing": false, "bridge_mappings": ["public": "br-ex"],
            ]
        }
    }
}
