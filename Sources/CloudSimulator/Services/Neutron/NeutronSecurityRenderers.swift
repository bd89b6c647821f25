import Foundation

/// JSON documents of security groups (with their rules), rules and subnet pools.
extension NeutronAPI {
    func renderSecurityGroup(_ group: DemoSecurityGroup, rules: [DemoSecurityGroupRule]) -> JSON {
        let created = Timestamp.format(group.createdAt, .seconds)
        return [
            "description": .string(group.description), "id": .string(group.id), "name": .string(group.name),
            "security_group_rules": .array(rules.map(renderRule)), "project_id": .string(group.projectID),
            "revision_number": .int(1 + rules.count), "created_at": .string(created), "updated_at": .string(created),
            "tags": [], "tenant_id": .string(group.projectID), "stateful": true, "shared": false,
        ]
    }

    func renderRule(_ rule: DemoSecurityGroupRule) -> JSON {
        let created = Timestamp.format(rule.createdAt, .seconds)
        return [
            "direction": .string(rule.direction), "ethertype": .string(rule.ethertype), "id": .string(rule.id),
            "port_range_max": .num(rule.portRangeMax), "port_range_min": .num(rule.portRangeMin),
            "protocol": .str(rule.ipProtocol), "remote_group_id": .str(rule.remoteGroupID),
            "remote_address_group_id": nil, "remote_ip_prefix": .str(rule.remoteIPPrefix),
            "security_group_id": .string(rule.securityGroupID), "project_id": .string(rule.projectID),
            "revision_number": 1, "created_at": .string(created), "updated_at": .string(created),
            "tenant_id": .string(rule.projectID), "description": .string(rule.description),
            "belongs_to_default_sg": .bool(rule.belongsToDefaultGroup),
        ]
    }

    func renderSubnetPool(_ pool: DemoSubnetPool) -> JSON {
        let created = Timestamp.format(pool.createdAt, .seconds)
        // Neutron returns the prefix lengths as strings.
        return [
            "min_prefixlen": .string(String(pool.minPrefixLength)), "address_scope_id": .str(index.scopeByPool[pool.id]),
            "default_prefixlen": .string(String(pool.defaultPrefixLength)), "id": .string(pool.id),
            "max_prefixlen": .string(String(pool.maxPrefixLength)), "name": .string(pool.name), "default_quota": nil,
            "is_default": .bool(pool.isDefault), "project_id": .string(pool.projectID),
            "tenant_id": .string(pool.projectID), "prefixes": .strings(pool.prefixes), "ip_version": .int(pool.ipVersion),
            "shared": .bool(pool.shared), "description": .string(pool.description), "created_at": .string(created),
            "updated_at": .string(created), "revision_number": 1, "tags": [],
        ]
    }
}
