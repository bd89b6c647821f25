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
            extraProperties: [
                "min_disk": ["type": "integer", "minimum": 0, "description": "Only flavors with at least this root disk in GiB (Nova's minDisk)."],
                "min_ram": ["type": "integer", "minimum": 0, "description": "Only flavors with at least this RAM in MiB (Nova's minRam)."],
                "is_public": Schema.enumeration(
                    ["true", "false", "all"],
                    "true (default): public flavors and private ones shared with your project; false: private only (admin); all: every flavor (admin)."),
            ],
            request: { arguments in
                var query: [URLQueryItem] = []
                let minDisk = try arguments.int("min_disk", default: 0, range: 0...Int(Int32.max))
                let minRAM = try arguments.int("min_ram", default: 0, range: 0...Int(Int32.max))
                if minDisk > 0 { query.append(URLQueryItem(name: "minDisk", value: String(minDisk))) }
                if minRAM > 0 { query.append(URLQueryItem(name: "minRam", value: String(minRAM))) }
                switch try arguments.choice("is_public", allowed: ["true", "false", "all"], default: "true") {
                case "false": query.append(URLQueryItem(name: "is_public", value: "false"))
                case "all": query.append(URLQueryItem(name: "is_public", value: "None"))
                default: break
                }
                return ListRequest(service: .compute, path: "/flavors/detail", collectionKey: "flavors", query: query)
            },
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
