import Foundation

/// Per-server sub-resources: `os-instance-actions` and `os-interface`.
extension NovaAPI {
    /// The server if the caller may see it (own project, or admin).
    private func visibleServer(_ request: IncomingRequest, _ id: String) -> DemoServer? {
        guard let server = environment.data.server(id: id), request.isAdmin || server.projectID == request.projectID else {
            return nil
        }
        return server
    }

    func listInstanceActions(_ request: IncomingRequest, serverID: String, version: APIVersion) -> Reply {
        guard visibleServer(request, serverID) != nil else { return error(404, "Instance \(serverID) could not be found.", request) }
        var actions = environment.data.instanceActions(serverID: serverID)
        guard version >= APIVersion(2, 58) else {
            return .json(["instanceActions": .array(actions.map { renderAction($0, request, version, events: false) })])
        }
        for (name, minimum, keep) in [
            ("changes-since", APIVersion(2, 58), { (date: Date, bound: Date) in date >= bound }),
            ("changes-before", APIVersion(2, 66), { (date: Date, bound: Date) in date <= bound }),
        ] where version >= minimum {
            guard let text = request.query.first(name) else { continue }
            guard let bound = Timestamp.parse(text) else {
                return error(400, "Invalid input for query parameters \(name). Value: \(text).", request)
            }
            actions = actions.filter { keep($0.updatedAt, bound) }
        }
        let limit: Int, marker: String?
        switch paging(request, exists: { id in actions.contains { $0.requestID == id } }) {
        case .value(let values): (limit, marker) = values
        case .reply(let reply): return reply
        }
        let start = marker.flatMap { id in actions.firstIndex { $0.requestID == id } }.map { $0 + 1 } ?? 0
        let page = actions[start...].prefix(limit)
        var body: JSON = ["instanceActions": .array(page.map { renderAction($0, request, version, events: false) })]
        if let last = page.last, page.count == limit {
            body.set("links", [["rel": "next", "href": .string(request.link(replacing: [("marker", last.requestID)]))]])
        }
        return .json(body)
    }

    func showInstanceAction(_ request: IncomingRequest, serverID: String, requestID: String, version: APIVersion) -> Reply {
        guard visibleServer(request, serverID) != nil else { return error(404, "Instance \(serverID) could not be found.", request) }
        guard let action = environment.data.instanceActions(serverID: serverID).first(where: { $0.requestID == requestID }) else {
            return error(404, "Action for request_id \(requestID) on instance \(serverID) not found", request)
        }
        return .json(["instanceAction": renderAction(action, request, version, events: true)])
    }

    private func renderAction(_ action: DemoInstanceAction, _ request: IncomingRequest, _ version: APIVersion, events: Bool) -> JSON {
        var body: JSON = ["action": .string(action.action)]
        // Non-admins see events from 2.51, without tracebacks; admins always.
        if events && (request.isAdmin || version >= APIVersion(2, 51)) {
            let hostID = environment.data.server(id: action.instanceUUID)?.hostID ?? ""
            body.set("events", .array(action.events.map { event in
                var item: JSON = [
                    "event": .string(event.event), "finish_time": .str(event.finishTime.map { Timestamp.format($0, .microseconds) }),
                    "result": .str(event.result), "start_time": .string(Timestamp.format(event.startTime, .microseconds)),
                ]
                if request.isAdmin { item.set("traceback", .str(event.traceback)) }
                if version >= APIVersion(2, 62) {
                    if request.isAdmin { item.set("host", .str(event.host)) }
                    item.set("hostId", .string(event.host == nil ? "" : hostID))
                }
                if version >= APIVersion(2, 84) { item.set("details", .str(event.details)) }
                return item
            }))
        }
        body.set("instance_uuid", .string(action.instanceUUID))
        body.set("message", .str(action.message))
        body.set("project_id", .string(action.projectID))
        body.set("request_id", .string(action.requestID))
        body.set("start_time", .string(Timestamp.format(action.startTime, .microseconds)))
        if version >= APIVersion(2, 58) { body.set("updated_at", .string(Timestamp.format(action.updatedAt, .microseconds))) }
        body.set("user_id", .string(action.userID))
        return body
    }

    func listInterfaces(_ request: IncomingRequest, serverID: String, portID: String?, version: APIVersion) -> Reply {
        guard visibleServer(request, serverID) != nil else { return error(404, "Instance \(serverID) could not be found.", request) }
        let ports = environment.data.interfaces(serverID: serverID).map { port -> (String, JSON) in
            var body: JSON = [
                "fixed_ips": [["ip_address": .string(port.ipAddress), "subnet_id": .string(port.subnetID)]],
                "mac_addr": .string(port.macAddress), "net_id": .string(port.networkID), "port_id": .string(port.portID),
                "port_state": .string(port.portState),
            ]
            if version >= APIVersion(2, 70) { body.set("tag", nil) }
            return (port.portID, body)
        }
        guard let portID else { return .json(["interfaceAttachments": .array(ports.map(\.1))]) }
        guard let port = ports.first(where: { $0.0 == portID }) else {
            return error(404, "Port \(portID) is not attached", request)
        }
        return .json(["interfaceAttachment": port.1])
    }
}
