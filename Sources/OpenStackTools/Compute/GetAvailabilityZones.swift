import Foundation
import OpenStackKit

/// `get_availability_zones`: compute availability zones; for admins with their hosts and services.
enum GetAvailabilityZones {
    static var definition: ToolDefinition {
        ListTool<AvailabilityZone>(
            name: "get_availability_zones", title: "List compute availability zones",
            description:
                "List Nova availability zones; admins also see each zone's hosts and services.",
            noun: "zone",
            request: AvailabilityZone.declaration.request,
            searchFields: { [$0.name] },
            basic: { zone, _ in
                .compact([("zone_name", .string(zone.name)), ("available", zone.available.json)])
            },
            detailed: { zone, _ in
                guard !zone.services.isEmpty else { return [:] }
                return [
                    "hosts": .array(zone.hosts.map(JSONValue.string)),
                    "services": .array(zone.services.map { service in
                        .object(.compact([
                            ("host", .string(service.host)), ("binary", .string(service.binary)),
                            ("active", service.active.json), ("available", service.available.json),
                            ("updated_at", service.updatedAt.json),
                        ]))
                    }),
                ]
            },
            // The detail (hosts and services) is admin-only; the token says whether to ask for it.
            prepare: { cloud, _, request in
                var request = request
                if try await cloud.token().isAdmin { request.path = "/os-availability-zone/detail" }
                return request
            }
        ).definition
    }
}
