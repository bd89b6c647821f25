import Foundation
import OpenStackKit

/// `get_flavors`: Nova flavors with their sizes, visibility and extra specs.
enum GetFlavors {
    static var definition: ToolDefinition {
        ListTool<Flavor>(
            name: "get_flavors", title: "List compute flavors",
            description:
                "List Nova flavors: vCPUs, RAM, disks, public flag, extra specs. is_public=false/all lists private ones (admin).",
            noun: "flavor",
            searchFields: { [$0.name] },
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    /// The columns of `openstack flavor list`.
    static func basicColumns(_ flavor: Flavor, _: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(flavor.id)), ("name", flavor.name.json), ("ram", flavor.ram.json), ("disk", flavor.disk.json),
            ("ephemeral", flavor.ephemeral.json), ("vcpus", flavor.vcpus.json), ("is_public", flavor.isPublic.json),
        ])
    }

    static func detailedColumns(_ flavor: Flavor, _: Lookups) -> [String: JSONValue] {
        .compact([
            ("swap", flavor.swap.json), ("description", flavor.description.json),
            ("disabled", flavor.disabled.json), ("rxtx_factor", flavor.rxtxFactor.map(JSONValue.double)),
            ("extra_specs", .object(flavor.extraSpecs.mapValues(JSONValue.string))),
        ])
    }
}
