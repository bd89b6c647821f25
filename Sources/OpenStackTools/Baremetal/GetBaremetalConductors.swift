import Foundation
import OpenStackKit

/// `get_baremetal_conductors`: Ironic conductors (admin) and whether they report in.
enum GetBaremetalConductors {
    static var definition: ToolDefinition {
        ListTool<BaremetalConductor>(
            name: "get_baremetal_conductors", title: "List bare-metal conductors (admin)",
            description: "Admin: list Ironic conductors: alive or not, conductor group, drivers loaded.",
            noun: "conductor",
            searchFields: { [$0.id, $0.conductorGroup] },
            basic: { conductor, _ in
                .compact([
                    ("hostname", .string(conductor.id)), ("conductor_group", conductor.conductorGroup.json),
                    ("alive", conductor.alive.json),
                ])
            },
            detailed: { conductor, _ in
                .compact([
                    ("drivers", .array(conductor.drivers.map(JSONValue.string))), ("updated_at", conductor.updatedAt.json),
                ])
            }
        ).definition
    }
}
