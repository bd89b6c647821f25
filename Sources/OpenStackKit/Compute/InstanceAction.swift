import Foundation

/// An action on a server (create, stop, resize, ...), from `GET /servers/{id}/os-instance-actions`
/// or `/servers/{id}/os-instance-actions/{request_id}`.
///
/// Only the show carries `events`. `updated_at` appears from 2.58; an event's `hostId` and (for
/// admins) `host` from 2.62, its `details` from 2.84; `traceback` is shown to admins only.
public struct InstanceAction: OpenStackResource {
    public static let collectionKey = "instanceActions"
    public static let singularKey: String? = "instanceAction"

    /// One step of an action, as the compute service recorded it.
    public struct Event: Sendable, Hashable {
        public var event: String
        public var startTime: String?
        public var finishTime: String?
        /// `Success` or `Error`; nil while running.
        public var result: String?
        public var host: String?
        public var traceback: String?
        public var details: String?
    }

    public let raw: JSONValue
    public let requestID: String
    public let action: String
    public let instanceUUID: String?
    /// Set when the action failed (usually `Error`).
    public let message: String?
    public let projectID: String?
    public let userID: String?
    public let startTime: String?
    public let updatedAt: String?
    /// Nil in a list answer, which has no events.
    public let events: [Event]?

    public init(json: JSONValue) throws {
        raw = json
        requestID = try json.required("request_id", in: "InstanceAction")
        action = try json.required("action", in: "InstanceAction")
        instanceUUID = json.text("instance_uuid")
        message = json.text("message")
        projectID = json.text("project_id")
        userID = json.text("user_id")
        startTime = json.text("start_time")
        updatedAt = json.text("updated_at")
        events = json["events"]?.arrayValue?.compactMap { event in
            event.text("event").map { name in
                Event(
                    event: name, startTime: event.text("start_time"), finishTime: event.text("finish_time"),
                    result: event.text("result"), host: event.text("host"), traceback: event.text("traceback"),
                    details: event.text("details"))
            }
        }
    }
}
