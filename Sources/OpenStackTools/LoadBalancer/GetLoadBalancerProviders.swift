import Foundation
import OpenStackKit

/// `get_load_balancer_providers`: the provider drivers this Octavia has enabled.
enum GetLoadBalancerProviders {
    static var definition: ToolDefinition {
        ListTool<LoadBalancerProvider>(
            name: "get_load_balancer_providers", title: "List load balancer providers",
            description: "List the provider drivers this Octavia enables (amphora, ovn...), with descriptions.",
            noun: "load balancer provider",
            searchFields: { [$0.name, $0.description] },
            basic: { provider, _ in ["name": .string(provider.name)] },
            detailed: { provider, _ in .compact([("description", provider.description.json)]) }
        ).definition
    }
}
