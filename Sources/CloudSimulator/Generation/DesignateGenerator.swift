import Foundation

/// Designate's demo data: one object of each kind, with the project that owns it.
struct DemoDNSObject: Sendable, Equatable {
    let id: String
    let projectID: String
    /// The zone a recordset belongs to.
    var zoneID: String?
    let body: JSON
}

/// The zones, recordsets, PTR records, transfer requests and pools Designate serves.
struct DemoDNS: Sendable, Equatable {
    var zones: [DemoDNSObject] = []
    var recordsets: [DemoDNSObject] = []
    /// PTR names set on floating IPs, by floating IP ID.
    var floatingIPPointers: [String: String] = [:]
    var transferRequests: [DemoDNSObject] = []
    var pools: [DemoDNSObject] = []
}

/// Builds the DNS of the demo cloud on its floating IPs: the `demo.example.org.` zone has an A
/// record for every server a floating IP of the demo project reaches, the first of those floating
/// IPs has a PTR record (in a reverse zone of Designate's managed project, as the real service keeps
/// it), `broken.example.org.` failed to reach the DNS servers (ERROR, CREATE),
/// `shared.example.org.` is offered to the alt project, and the admin project has a zone of its own.
enum DesignateGenerator {
    static let zoneName = "demo.example.org."
    static let brokenZoneName = "broken.example.org."
    static let sharedZoneName = "shared.example.org."
    static let adminZoneName = "ops.example.org."
    static let transferKey = "K7QX2M9A"
    /// The project Designate's managed records (the PTRs of floating IPs) live in.
    static let managedProject = "00000000-0000-0000-0000-000000000000"

    static func generate(
        seed: UInt64, floatingIPs: [DemoFloatingIP], ports: [DemoPort], servers: [DemoServer], projects: [DemoProject]
    ) -> DemoDNS {
        var random = SplitMix64(seed: seed ^ 0xD45)
        var dns = DemoDNS()
        let poolID = random.uuid()
        let created = Timestamp.format(DemoDataGenerator.referenceDate.addingTimeInterval(-86_400 * 20), .microseconds)
        let serial = Int(DemoDataGenerator.referenceDate.timeIntervalSince1970) - 86_400
        dns.pools.append(DemoDNSObject(id: poolID, projectID: "", body: [
            "id": .string(poolID), "name": "default", "description": "Default BIND9 pool", "project_id": nil,
            "attributes": [:], "ns_records": [["hostname": "ns1.example.org.", "priority": 1]],
            "created_at": .string(created), "updated_at": nil,
        ]))
        guard let demo = projects.first(where: { $0.name == DemoCloud.memberProject }) else { return dns }
        let alt = projects.first { $0.name == DemoCloud.altProject }
        let admin = projects.first { $0.name == DemoCloud.adminProject }

        func zone(_ name: String, _ project: String, status: String = "ACTIVE", action: String = "NONE") -> String {
            let id = random.uuid()
            dns.zones.append(DemoDNSObject(id: id, projectID: project, body: [
                "id": .string(id), "pool_id": .string(poolID), "project_id": .string(project), "name": .string(name),
                "email": .string("hostmaster@" + name.dropLast()), "ttl": 3600, "serial": .int(serial),
                "status": .string(status), "action": .string(action), "description": nil, "masters": [], "type": "PRIMARY",
                "transferred_at": nil, "version": 1, "created_at": .string(created), "updated_at": nil, "attributes": [:],
                "shared": false,
            ]))
            recordset(id, name, project, name, "SOA", ["ns1.example.org. hostmaster.\(name) \(serial) 3565 600 86400 3600"])
            recordset(id, name, project, name, "NS", ["ns1.example.org."])
            return id
        }
        func recordset(_ zoneID: String, _ zoneName: String, _ project: String, _ name: String, _ type: String, _ records: [String]) {
            let id = random.uuid()
            let status = dns.zones.first { $0.id == zoneID }?.body["status"] ?? "ACTIVE"
            dns.recordsets.append(DemoDNSObject(id: id, projectID: project, zoneID: zoneID, body: [
                "id": .string(id), "zone_id": .string(zoneID), "zone_name": .string(zoneName), "project_id": .string(project),
                "name": .string(name), "type": .string(type), "records": .array(records.map(JSON.string)),
                "ttl": type == "SOA" || type == "NS" ? nil : 300, "status": status, "action": "NONE", "description": nil,
                "version": 1, "created_at": .string(created), "updated_at": nil,
            ]))
        }

        let demoZone = zone(zoneName, demo.id)
        let portsByID = Dictionary(ports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let serversByID = Dictionary(servers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pointed = false
        for floating in floatingIPs where floating.projectID == demo.id {
            guard let port = floating.portID.flatMap({ portsByID[$0] }), port.deviceOwner.hasPrefix("compute:"),
                let server = serversByID[port.deviceID]
            else { continue }
            let host = "\(server.name).\(zoneName)"
            recordset(demoZone, zoneName, demo.id, host, "A", [floating.floatingIPAddress])
            if !pointed {
                dns.floatingIPPointers[floating.id] = host
                pointed = true
                // Designate keeps the PTR in a reverse zone of its own managed project; the record
                // carries the floating IP's project, so that project lists it among its recordsets.
                let octets = floating.floatingIPAddress.split(separator: ".")
                let reverseZone = octets.dropLast().reversed().joined(separator: ".") + ".in-addr.arpa."
                let managed = zone(reverseZone, DesignateGenerator.managedProject)
                recordset(managed, reverseZone, demo.id, octets.reversed().joined(separator: ".") + ".in-addr.arpa.", "PTR", [host])
            }
        }
        recordset(demoZone, zoneName, demo.id, "www.\(zoneName)", "CNAME", [dns.recordsets.last { $0.body["type"] == "A" }?.body["name"]?.filterText ?? "ns1.example.org."])
        recordset(demoZone, zoneName, demo.id, zoneName, "MX", ["10 mail.\(zoneName)"])
        _ = zone(brokenZoneName, demo.id, status: "ERROR", action: "CREATE")
        let shared = zone(sharedZoneName, demo.id)
        if let admin { _ = zone(adminZoneName, admin.id) }
        let transferID = random.uuid()
        dns.transferRequests.append(DemoDNSObject(id: transferID, projectID: demo.id, zoneID: shared, body: [
            "id": .string(transferID), "zone_id": .string(shared), "zone_name": .string(sharedZoneName),
            "project_id": .string(demo.id), "target_project_id": alt.map { .string($0.id) } ?? nil,
            "description": "Hand the shared zone to the alt project", "key": .string(transferKey), "status": "ACTIVE",
            "created_at": .string(created), "updated_at": nil,
        ]))
        return dns
    }
}
