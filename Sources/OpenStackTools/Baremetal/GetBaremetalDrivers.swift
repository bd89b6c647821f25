import Foundation
import OpenStackKit

/// `get_baremetal_drivers`: the Ironic hardware types the conductors load.
enum GetBaremetalDrivers {
    static var definition: ToolDefinition {
        ListTool<BaremetalDriver>(
            name: "get_baremetal_drivers", title: "List bare-metal drivers",
            description: "List Ironic drivers (hardware types): the conductors that load them, default interfaces.",
            noun: "driver",
            searchFields: { [$0.id, $0.type] },
            basic: { driver, _ in
                .compact([
                    ("name", .string(driver.id)), ("type", driver.type.json),
                    ("hosts", .array(driver.hosts.map(JSONValue.string))),
                ])
            },
            detailed: { driver, _ in
                .compact([
                    ("default_power_interface", driver.defaultPowerInterface.json),
                    ("default_deploy_interface", driver.defaultDeployInterface.json),
                    ("enabled_power_interfaces", .array(driver.enabledPowerInterfaces.map(JSONValue.string))),
                ])
            }
        ).definition
    }
}
