import Foundation

/// QoS policies, RBAC policies, segments, address scopes and a floating IP's port forwardings,
/// with Neutron's default policy: a member sees its own QoS policies and address scopes and the
/// shared ones, its own RBAC policies and port forwardings, and no segments (admin only).
extension NeutronAPI {
    func sharingCollection(named name: String) -> Collection? {
        let data = environment.data
        func own(_ request: IncomingRequest, _ project: String) -> Bool { request.isAdmin || project == request.projectID }
        switch name {
        case "qos/policies":
            return Collection(singular: "policy", key: "policies", title: "QoS policy", adminOnly: false) { request in
                data.qosPolicies.filter { $0.shared || own(request, $0.projectID) }
                    .map { policy in Item(id: policy.id) { renderQoSPolicy(policy) } }
            }
        case "rbac-policies":
            return Collection(singular: "rbac_policy", key: "rbac_policies", title: "RBAC policy", adminOnly: false) { request in
                data.rbacPolicies.filter { own(request, $0.projectID) }
                    .map { policy in Item(id: policy.id) { renderRBACPolicy(policy) } }
            }
        case "segments":
            return Collection(singular: "segment", key: "segments", title: "Segment", adminOnly: true) { _ in
                data.segments.map { segment in Item(id: segment.id) { renderSegment(segment) } }
            }
        case "address-scopes":
            return Collection(singular: "address_scope", key: "address_scopes", title: "Address scope", adminOnly: false) { request in
                data.addressScopes.filter { $0.shared || own(request, $0.projectID) }
                    .map { scope in Item(id: scope.id) { renderAddressScope(scope) } }
            }
        default:
            return nil
        }
    }

    /// `GET /v2.0/floatingips/{id}/port_forwardings[/{pf_id}]`: 404 for a floating IP the caller
    /// cannot see, then the usual filters and paging.
    func portForwardings(_ request: IncomingRequest, _ path: [String]) -> Reply {
        let fipID = path[2]
        guard let floatingIPs = resourceCollection(named: "floatingips"),
            floatingIPs.items(request).contains(where: { $0.id == fipID })
        else {
            return .json(Self.error(type: "FloatingIPNotFound", message: "Floating IP \(fipID) could not be found."), status: 404)
        }
        let collection = Collection(singular: "port_forwarding", key: "port_forwardings", title: "Port forwarding", adminOnly: false) { _ in
            environment.data.portForwardings.filter { $0.floatingIPID == fipID }
                .map { forwarding in Item(id: forwarding.id) { renderPortForwarding(forwarding) } }
        }
        let items = collection.items(request)
        switch path.count {
        case 4:
            return list(collection, path: "floatingips/\(fipID)/port_forwardings", items, request: request)
        case 5:
            guard let item = items.first(where: { $0.id == path[4] }) else { return notFound(collection, id: path[4]) }
            return .json([collection.singular: selectFields(item.render(), request)])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    func renderQoSPolicy(_ policy: DemoQoSPolicy) -> JSON {
        let created = Timestamp.format(policy.createdAt, .seconds)
        let rules: [JSON] = policy.rules.map { rule in
            var body: JSON = ["id": .string(rule.id), "qos_policy_id": .string(policy.id), "type": .string(rule.type)]
            let fields: [(String, Int?)] = [
                ("max_kbps", rule.maxKbps), ("max_burst_kbps", rule.maxBurstKbps), ("dscp_mark", rule.dscpMark),
                ("min_kbps", rule.minKbps), ("min_kpps", rule.minKpps),
            ]
            for (key, value) in fields { if let value { body.set(key, .int(value)) } }
            if let direction = rule.direction { body.set("direction", .string(direction)) }
            return body
        }
        return [
            "id": .string(policy.id), "name": .string(policy.name), "description": .string(policy.description),
            "project_id": .string(policy.projectID), "tenant_id": .string(policy.projectID), "shared": .bool(policy.shared),
            "is_default": .bool(policy.isDefault), "rules": .array(rules), "revision_number": 1, "tags": [],
            "created_at": .string(created), "updated_at": .string(created),
        ]
    }

    func renderRBACPolicy(_ policy: DemoRBACPolicy) -> JSON {
        [
            "id": .string(policy.id), "object_type": .string(policy.objectType), "object_id": .string(policy.objectID),
            "action": .string(policy.action), "target_tenant": .string(policy.targetTenant),
            "project_id": .string(policy.projectID), "tenant_id": .string(policy.projectID),
        ]
    }

    func renderSegment(_ segment: DemoSegment) -> JSON {
        [
            "id": .string(segment.id), "name": nil, "description": nil, "network_id": .string(segment.networkID),
            "network_type": .string(segment.networkType), "physical_network": .str(segment.physicalNetwork),
            "segmentation_id": .num(segment.segmentationID), "revision_number": 1,
        ]
    }

    func renderAddressScope(_ scope: DemoAddressScope) -> JSON {
        [
            "id": .string(scope.id), "name": .string(scope.name), "ip_version": .int(scope.ipVersion),
            "shared": .bool(scope.shared), "project_id": .string(scope.projectID), "tenant_id": .string(scope.projectID),
        ]
    }

    func renderPortForwarding(_ forwarding: DemoPortForwarding) -> JSON {
        [
            "id": .string(forwarding.id), "protocol": .string(forwarding.protocol),
            "external_port": .int(forwarding.externalPort), "internal_port": .int(forwarding.internalPort),
            "internal_port_id": .string(forwarding.internalPortID),
            "internal_ip_address": .string(forwarding.internalIPAddress), "description": .string(forwarding.description),
        ]
    }
}
