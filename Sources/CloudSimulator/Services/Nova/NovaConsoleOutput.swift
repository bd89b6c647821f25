import Foundation

/// `POST /servers/{id}/action` with `os-getConsoleOutput`: the one action the demo Nova serves.
/// Any other action is Nova's 404 "There is no such action", so a test can tell from the request
/// log's statuses that nothing else was asked.
extension NovaAPI {
    /// Whether `segments` (below the mount) name a server action, the only POST Nova takes here.
    func isServerAction(_ segments: ArraySlice<String>) -> Bool {
        var path = Array(segments)
        guard path.first == "v2.1" else { return false }
        path.removeFirst()
        if path.count == 4 { path.removeFirst() }  // /v2.1/{project_id}/servers/{id}/action
        return path.count == 3 && path[0] == "servers" && path[2] == "action"
    }

    func serverAction(_ request: IncomingRequest, serverID: String) -> Reply {
        guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any], body.count == 1,
            let (action, argument) = body.first
        else { return error(400, "Malformed request body", request) }
        guard action == "os-getConsoleOutput" else { return error(404, "There is no such action: \(action)", request) }
        guard let options = argument as? [String: Any] else {
            return error(400, "Invalid input for field/attribute os-getConsoleOutput.", request)
        }
        // Nova's schema: an integer >= -1, its digits as a string, or null (everything).
        let length: Int?
        switch options["length"] {
        case nil, is NSNull: length = nil
        case let text as String where Int(text).map({ $0 >= -1 }) == true: length = Int(text)
        case let number as NSNumber where number.doubleValue == Double(number.intValue) && number.intValue >= -1:
            length = number.intValue
        default: return error(400, "Invalid input for field/attribute length.", request)
        }
        guard let server = environment.data.servers.first(where: { $0.id == serverID }),
            request.isAdmin || server.projectID == request.projectID
        else { return error(404, "Instance \(serverID) could not be found.", request) }
        // Nova's check_instance_host: a server never placed on a host has no console.
        guard server.host != nil else { return error(409, "Instance \(serverID) is not ready", request) }
        var lines = DemoConsole.log(for: server)
        if let length, length >= 0 { lines = Array(lines.suffix(length)) }
        return .json(["output": .string(lines.map { $0 + "\n" }.joined())])
    }
}
