import Foundation

/// The Nova server document, shaped by microversion and by whether the caller is an admin.
extension NovaAPI {
    func renderServer(_ server: DemoServer, request: IncomingRequest, version: APIVersion) -> JSON {
        let admin = request.isAdmin
        var body: [JSONMember] = []
        body.reserveCapacity(56)
        func add(_ key: String, _ value: JSON) { body.append(JSONMember(key: key, value: value)) }
        add("id", .string(server.id))
        add("name", .string(server.name))
        add("status", .string(server.status))
        add("tenant_id", .string(server.projectID))
        add("user_id", .string(server.userID))
        add("metadata", .stringMap(server.metadata))
        add("hostId", .string(server.hostID))
        add("image", renderImage(server, request: request, version: version))
        add("flavor", renderFlavor(server.flavorID, request: request, version: version))
        add("created", .string(Timestamp.format(server.created, .seconds)))
        add("updated", .string(Timestamp.format(server.updated, .seconds)))
        add("addresses", renderAddresses(server))
        add("accessIPv4", "")
        add("accessIPv6", "")
        add("links", links(request, "servers", server.id))
        add("OS-DCF:diskConfig", "MANUAL")
        // Nova shows progress only while it can move (views/servers.py `_progress_statuses`).
        if ["ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING"].contains(server.status) {
            add("progress", .int(server.progress))
        }
        add("OS-EXT-AZ:availability_zone", .string(server.availabilityZone))
        add("config_drive", "")
        add("key_name", .str(server.keyName))
        add("OS-SRV-USG:launched_at", .str(server.launchedAt.map { Timestamp.format($0, .microseconds) }))
        add("OS-SRV-USG:terminated_at", nil)
        if admin {
            add("OS-EXT-SRV-ATTR:host", .str(server.host))
            add("OS-EXT-SRV-ATTR:instance_name", .string(server.instanceName))
            add("OS-EXT-SRV-ATTR:hypervisor_hostname", .str(server.hypervisorHostname))
            if version >= APIVersion(2, 3) {
                add("OS-EXT-SRV-ATTR:reservation_id", .string("r-" + String(server.id.prefix(8))))
                add("OS-EXT-SRV-ATTR:launch_index", 0)
                add("OS-EXT-SRV-ATTR:kernel_id", "")
                add("OS-EXT-SRV-ATTR:ramdisk_id", "")
                add("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda")
                add("OS-EXT-SRV-ATTR:user_data", .string(DemoCanaries.userData))
            }
        }
        if (admin && version >= APIVersion(2, 3)) || version >= APIVersion(2, 90) {
            add("OS-EXT-SRV-ATTR:hostname", .string(server.name))
        }
        add("OS-EXT-STS:task_state", .str(server.taskState))
        add("OS-EXT-STS:vm_state", .string(server.vmState))
        add("OS-EXT-STS:power_state", .int(server.powerState))
        add(
            "os-extended-volumes:volumes_attached",
            .array(server.volumesAttached.map { volume -> JSON in
                version >= APIVersion(2, 3)
                    ? ["id": .string(volume.volumeID), "delete_on_termination": .bool(volume.deleteOnTermination)]
                    : ["id": .string(volume.volumeID)]
            })
        )
        // Absent, not empty, for a server without ports (as Nova renders it).
        if !server.securityGroups.isEmpty {
            add("security_groups", .array(server.securityGroups.map { ["name": .string($0)] }))
        }
        if let fault = server.fault {
            var faultBody: JSON = [
                "code": .int(fault.code), "created": .string(Timestamp.format(fault.created, .seconds)),
                "message": .string(fault.message),
            ]
            if admin || fault.code != 500 { faultBody.set("details", .string(fault.details)) }
            add("fault", faultBody)
        }
        if version >= APIVersion(2, 9) { add("locked", .bool(server.locked)) }
        if version >= APIVersion(2, 16), admin {
            add("host_status", .string(server.host.flatMap { hostStatus[$0] } ?? ""))
        }
        if version >= APIVersion(2, 19) { add("description", .str(server.description)) }
        if version >= APIVersion(2, 26) { add("tags", .strings(server.tags)) }
        if version >= APIVersion(2, 63) { add("trusted_image_certificates", nil) }
        if version >= APIVersion(2, 73) { add("locked_reason", server.locked ? "scheduled maintenance" : nil) }
        if version >= APIVersion(2, 96) { add("pinned_availability_zone", nil) }
        if version >= APIVersion(2, 100) { add("scheduler_hints", [:]) }
        return .object(body)
    }

    private func renderImage(_ server: DemoServer, request: IncomingRequest, version: APIVersion) -> JSON {
        guard let imageID = server.imageID else { return "" }
        var image: JSON = [
            "id": .string(imageID),
            "links": [["href": .string("\(request.baseURL)/compute/images/\(imageID)"), "rel": "bookmark"]],
        ]
        if version >= APIVersion(2, 98) {
            let properties = environment.data.image(id: imageID)?.properties.filter { !$0.key.hasPrefix("owner_specified") }
            image.set("properties", .stringMap(properties ?? [:]))
        }
        return image
    }

    private func renderFlavor(_ flavorID: String, request: IncomingRequest, version: APIVersion) -> JSON {
        guard version >= APIVersion(2, 47), let flavor = flavors[flavorID] else {
            return [
                "id": .string(flavorID),
                "links": [["href": .string("\(request.baseURL)/compute/flavors/\(flavorID)"), "rel": "bookmark"]],
            ]
        }
        return [
            "disk": .int(flavor.disk), "ephemeral": .int(flavor.ephemeral), "extra_specs": .stringMap(flavor.extraSpecs),
            "original_name": .string(flavor.name), "ram": .int(flavor.ram), "swap": .int(flavor.swap),
            "vcpus": .int(flavor.vcpus),
        ]
    }

    private func renderAddresses(_ server: DemoServer) -> JSON {
        var order: [String] = []
        var grouped: [String: [JSON]] = [:]
        for address in server.addresses {
            if grouped[address.networkName] == nil { order.append(address.networkName) }
            grouped[address.networkName, default: []].append([
                "addr": .string(address.address), "version": .int(address.version),
                "OS-EXT-IPS:type": .string(address.type), "OS-EXT-IPS-MAC:mac_addr": .string(address.macAddress),
            ])
        }
        return .object(order.map { JSONMember(key: $0, value: .array(grouped[$0]!)) })
    }
}
