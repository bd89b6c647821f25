import Foundation
import OpenStackKit

/// `get_security_group`: one security group by ID or exact name, with its rules.
enum GetSecurityGroup {
    static var definition: ToolDefinition {
        ShowTool<SecurityGroup>(
            name: "get_security_group", title: "Show one security group",
            description:
                "Show one security group by ID or name, with every rule.",
            noun: "security group",
            nameOf: { $0.name },
            lookups: GetSecurityGroups.lookups,
            basic: GetSecurityGroups.basicColumns,
            detailed: GetSecurityGroups.detailedColumns
        ).definition
    }
}
