import Foundation

/// Octavia's L7 policies and rules, statistics, flavors, availability zones and quotas, tied to
/// the demo balancers:
/// - on `web-lb`'s listener, `block-admin` (REJECT `/admin`), `api-to-web-pool` (requests for
///   `/api` with header `X-Api-Version: 2` to the web pool) and `legacy-host-redirect`
///   (`old.example.com` to `https://www.example.com`, 301);
/// - traffic counters for every balancer, with request errors where a member is down;
/// - the flavors `amphora-single` and `amphora-ha`, the zones `az-1` and `az-legacy` (disabled);
/// - a quota set for the demo project (balancers, members, L7 policies); other projects default.
///
/// Drawn from a generator of its own and added after the balancers, so every other seeded value
/// stays as it was.
extension DemoExtraServices {
    mutating func addOctaviaExtras(seed: UInt64, reference: Date, memberProject: String?) {
        var random = SplitMix64(seed: seed ^ 0x6F63_7461_7669_6137)
        let created = Timestamp.format(reference.addingTimeInterval(-30 * 3600), .plain)
        if let index = listeners.firstIndex(where: { $0.body["name"] == "web-http" }),
            let pool = pools.first(where: { $0.parentID == listeners[index].parentID })
        {
            addPolicies(on: index, redirectPool: pool.id, created: created, random: &random)
        }
        for balancer in loadBalancers {
            let degraded = balancer.body["operating_status"] == "DEGRADED"
            let connections = 1_000 + random.int(50_000)
            loadBalancerStats[balancer.id] = [
                "bytes_in": .int(connections * (2_000 + random.int(2_000))), "bytes_out": .int(connections * (20_000 + random.int(20_000))),
                "active_connections": .int(random.int(200)), "total_connections": .int(connections),
                "request_errors": .int(degraded ? 10 + random.int(500) : 0),
            ]
        }
        octaviaFlavors = [
            ("amphora-single", "One amphora per balancer", true, random.uuid()),
            ("amphora-ha", "Active/standby amphorae", true, random.uuid()),
        ].map { name, text, enabled, profile in
            let id = random.uuid()
            return DemoOctaviaObject(id: id, projectID: "", parentID: nil, body: [
                "id": .string(id), "name": .string(name), "description": .string(text), "enabled": .bool(enabled),
                "flavor_profile_id": .string(profile),
            ])
        }
        octaviaAvailabilityZones = [("az-1", "The main zone", true), ("az-legacy", "Retired hardware; no new balancers", false)]
            .map { name, text, enabled in
                DemoOctaviaObject(id: name, projectID: "", parentID: nil, body: [
                    "name": .string(name), "description": .string(text), "enabled": .bool(enabled),
                    "availability_zone_profile_id": .string(random.uuid()),
                ])
            }
        if let memberProject {
            octaviaQuotas[memberProject] = [
                "loadbalancer": 10, "member": 50, "healthmonitor": nil, "listener": nil, "project_id": .string(memberProject),
                "pool": nil, "l7policy": 20, "l7rule": nil,
            ]
        }
    }

    private mutating func addPolicies(on index: Int, redirectPool: String, created: String, random: inout SplitMix64) {
        let listener = listeners[index]
        let project = listener.projectID
        // name, action, position, redirect (pool, URL or prefix), code, rules (type, compare, key, value, invert)
        let specs: [(String, String, Int, String?, Int?, [(String, String, String?, String, Bool)])] = [
            ("block-admin", "REJECT", 1, nil, nil, [("PATH", "STARTS_WITH", nil, "/admin", false)]),
            ("api-to-web-pool", "REDIRECT_TO_POOL", 2, redirectPool, nil,
             [("PATH", "STARTS_WITH", nil, "/api", false), ("HEADER", "EQUAL_TO", "X-Api-Version", "2", false)]),
            ("legacy-host-redirect", "REDIRECT_PREFIX", 3, "https://www.example.com", 301,
             [("HOST_NAME", "EQUAL_TO", nil, "old.example.com", false)]),
        ]
        var policyRefs: [JSON] = []
        for (name, action, position, target, code, rules) in specs {
            let id = random.uuid()
            policyRefs.append(["id": .string(id)])
            var ruleRefs: [JSON] = []
            for (type, compare, key, value, invert) in rules {
                let ruleID = random.uuid()
                ruleRefs.append(["id": .string(ruleID)])
                l7Rules.append(DemoOctaviaObject(id: ruleID, projectID: project, parentID: id, body: [
                    "created_at": .string(created), "compare_type": .string(compare), "provisioning_status": "ACTIVE",
                    "invert": .bool(invert), "admin_state_up": true, "updated_at": .string(created), "value": .string(value),
                    "key": .str(key), "project_id": .string(project), "type": .string(type), "id": .string(ruleID),
                    "operating_status": "ONLINE", "tags": [],
                ]))
            }
            l7Policies.append(DemoOctaviaObject(id: id, projectID: project, parentID: listener.id, body: [
                "listener_id": .string(listener.id), "description": "", "admin_state_up": true, "rules": .array(ruleRefs),
                "created_at": .string(created), "provisioning_status": "ACTIVE", "updated_at": .string(created),
                "redirect_http_code": .num(code),
                "redirect_pool_id": .str(action == "REDIRECT_TO_POOL" ? target : nil),
                "redirect_prefix": .str(action == "REDIRECT_PREFIX" ? target : nil),
                "redirect_url": .str(action == "REDIRECT_TO_URL" ? target : nil),
                "action": .string(action), "position": .int(position), "project_id": .string(project), "id": .string(id),
                "operating_status": "ONLINE", "name": .string(name), "tags": [],
            ]))
        }
        var body = listener.body
        body.set("l7policies", .array(policyRefs))
        listeners[index] = DemoOctaviaObject(id: listener.id, projectID: project, parentID: listener.parentID, body: body)
    }
}
