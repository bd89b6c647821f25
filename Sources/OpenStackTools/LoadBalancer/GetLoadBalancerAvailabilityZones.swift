import Foundation
import OpenStackKit

/// `get_load_balancer_availability_zones`: where Octavia may place a balancer.
enum GetLoadBalancerAvailabilityZones {
    static var definition: ToolDefinition {
        ListTool<LoadBalancerAvailabilityZone>(
            name: "get_load_balancer_availability_zones", title: "List load balancer availability zones",
            description: "List Octavia availability zones: name, profile, enabled, description.",
            noun: "load balancer availability zone",
            searchFields: { [$0.name, $0.description] },
            basic: { zone, _ in
                .compact([
                    ("name", .string(zone.name)), ("availability_zone_profile_id", zone.profileID.json), ("enabled", zone.enabled.json),
                ])
            },
            detailed: { zone, _ in .compact([("description", zone.description.json)]) }
        ).definition
    }
}
