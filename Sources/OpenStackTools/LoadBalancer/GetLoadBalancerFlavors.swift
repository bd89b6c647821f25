import Foundation
import OpenStackKit

/// `get_load_balancer_flavors`: the Octavia flavors a balancer can be made with.
enum GetLoadBalancerFlavors {
    static var definition: ToolDefinition {
        ListTool<LoadBalancerFlavor>(
            name: "get_load_balancer_flavors", title: "List load balancer flavors",
            description: "List Octavia flavors (provider option sets for new balancers): name, profile, enabled.",
            noun: "load balancer flavor",
            searchFields: { [$0.name, $0.description] },
            basic: { flavor, _ in
                .compact([
                    ("id", .string(flavor.id)), ("name", flavor.name.json),
                    ("flavor_profile_id", flavor.flavorProfileID.json), ("enabled", flavor.enabled.json),
                ])
            },
            detailed: { flavor, _ in .compact([("description", flavor.description.json)]) }
        ).definition
    }
}
