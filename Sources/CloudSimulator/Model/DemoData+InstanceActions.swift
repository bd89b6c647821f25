import Foundation

/// The actions Nova would have recorded for each server, derived from its state: every server
/// was created (the build failed for ERROR servers and is still running for BUILD ones), stopped
/// servers were stopped, locked ones locked.
extension DemoData {
    /// The actions of a server, newest first (Nova's order).
    public func instanceActions(serverID: String) -> [DemoInstanceAction] {
        guard let server = server(id: serverID) else { return [] }
        func action(_ name: String, _ start: Date, _ updated: Date, _ message: String?, _ events: [DemoInstanceActionEvent]) -> DemoInstanceAction {
            DemoInstanceAction(
                requestID: "req-" + derivedUUID("action:\(server.id):\(name)"), action: name, instanceUUID: server.id,
                projectID: server.projectID, userID: server.userID, message: message, startTime: start,
                updatedAt: updated, events: events)
        }
        var actions: [DemoInstanceAction] = []
        if let fault = server.fault, server.host == nil {
            // The scheduler found no host: the conductor's event failed and no compute host got the build.
            let schedule = DemoInstanceActionEvent(
                event: "conductor_schedule_and_build_instances", startTime: server.created.addingTimeInterval(1),
                finishTime: fault.created, result: "Error", host: DemoDataGenerator.controller, traceback: fault.details,
                details: fault.message)
            return [action("create", server.created, fault.created, "Error", [schedule])]
        }
        let scheduled = server.created.addingTimeInterval(2)
        let schedule = DemoInstanceActionEvent(
            event: "conductor_schedule_and_build_instances", startTime: server.created.addingTimeInterval(1),
            finishTime: scheduled, result: "Success", host: DemoDataGenerator.controller, traceback: nil, details: nil)
        let buildStart = scheduled.addingTimeInterval(1)
        let build: DemoInstanceActionEvent
        let createUpdated: Date
        if let fault = server.fault {
            build = DemoInstanceActionEvent(
                event: "compute__do_build_and_run_instance", startTime: buildStart, finishTime: fault.created,
                result: "Error", host: server.host, traceback: fault.details, details: fault.message)
            createUpdated = fault.created
        } else if server.status == "BUILD" {
            build = DemoInstanceActionEvent(
                event: "compute__do_build_and_run_instance", startTime: buildStart, finishTime: nil, result: nil,
                host: server.host, traceback: nil, details: nil)
            createUpdated = buildStart
        } else {
            let launched = server.launchedAt ?? buildStart
            build = DemoInstanceActionEvent(
                event: "compute__do_build_and_run_instance", startTime: buildStart, finishTime: launched,
                result: "Success", host: server.host, traceback: nil, details: nil)
            createUpdated = launched
        }
        actions.append(action("create", server.created, createUpdated, server.fault == nil ? nil : "Error", [schedule, build]))
        if server.status == "SHUTOFF" {
            let stopped = server.updated.addingTimeInterval(-30)
            let stop = DemoInstanceActionEvent(
                event: "compute_stop_instance", startTime: stopped.addingTimeInterval(1),
                finishTime: stopped.addingTimeInterval(9), result: "Success", host: server.host, traceback: nil, details: nil)
            actions.append(action("stop", stopped, stopped.addingTimeInterval(9), nil, [stop]))
        }
        if server.locked {
            actions.append(action("lock", server.updated, server.updated, nil, []))
        }
        return actions.sorted { $0.startTime > $1.startTime }
    }
}
