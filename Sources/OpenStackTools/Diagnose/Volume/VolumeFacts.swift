import Foundation
import OpenStackKit

/// One Cinder user message (`GET /v3/{project_id}/messages`, microversion 3.3): why an
/// asynchronous operation on the volume failed, in Cinder's words.
struct VolumeMessage: Sendable, Equatable {
    var id: String
    var event: String?
    var text: String
    var createdAt: String?

    init(id: String, event: String?, text: String, createdAt: String?) {
        self.id = id
        self.event = event
        self.text = text
        self.createdAt = createdAt
    }

    init?(json: JSONValue) {
        guard let id = json.text("id"), let text = json.text("user_message") else { return nil }
        self.init(id: id, event: json.text("event_id"), text: text, createdAt: json.text("created_at"))
    }
}

/// Everything `diagnose_volume` decides on, read once and concurrently.
struct VolumeFacts: Sendable {
    var volume: Volume
    var messages: Fact<[VolumeMessage]>
    /// The volume's type as listed (nil: the volume names no type, or a type that is not listed).
    var volumeType: Fact<VolumeType?>
    /// Whether the token may see extra specs: Cinder shows them to admins only, so a type without
    /// them says nothing about its backend for anyone else.
    var seesExtraSpecs: Bool
    var pools: Fact<[VolumePool]>
    var services: Fact<[VolumeService]>
    /// Nova's view of each server Cinder says holds the volume: nil when Nova has no such server.
    var servers: [String: Fact<OpenStackKit.Server?>]
    /// Attached servers left unread, beyond ``VolumeFacts/serverCap``.
    var serversNotRead: Int = 0

    /// Most attached servers read; a multi-attach volume may have more.
    static let serverCap = 8
    /// Most user messages kept (newest first).
    static let messageCap = 5

    /// Whether Cinder says the volume failed (`error`, `error_deleting`, `error_extending`, ...).
    var isInError: Bool { volume.status?.lowercased().hasPrefix("error") ?? false }

    /// `host@backend`, the cinder-volume service that serves the volume (its host is `host@backend#pool`).
    var serviceHost: String? {
        guard let host = volume.host, !host.isEmpty else { return nil }
        return host.split(separator: "#", maxSplits: 1).first.map(String.init)
    }

    /// Reads the volume's surroundings: messages, types, pools, services and the attached servers,
    /// all at once (at most 4 + ``serverCap`` requests).
    static func gather(_ volume: Volume, cloud: OpenStackCloud) async throws -> VolumeFacts {
        let isAdmin = try await cloud.token().isAdmin
        let attached = Array(Set(volume.attachments.compactMap(\.serverID))).sorted()
        let toRead = Array(attached.prefix(serverCap))
        async let messages = Fact.read("Cinder user messages") { try await readMessages(volume.id, cloud: cloud) }
        async let volumeType = Fact.read("volume types") { try await readType(volume.volumeType, cloud: cloud) }
        async let pools = Fact.read("Cinder pools (scheduler-stats)") {
            let response = try await cloud.get(
                .blockStorage, path: "/scheduler-stats/get_pools", query: [URLQueryItem(name: "detail", value: "true")])
            return try (response.json["pools"]?.arrayValue ?? []).map(VolumePool.init(json:))
        }
        async let services = Fact.read("Cinder services") {
            let response = try await cloud.get(
                .blockStorage, path: "/os-services", query: [URLQueryItem(name: "binary", value: "cinder-volume")])
            return try (response.json["services"]?.arrayValue ?? []).map(VolumeService.init(json:))
        }
        async let servers = withTaskGroup(of: (String, Fact<OpenStackKit.Server?>).self) { group in
            for id in toRead {
                group.addTask { (id, await Fact.read("server \(id)") { try await readServer(id, cloud: cloud) }) }
            }
            var found: [String: Fact<OpenStackKit.Server?>] = [:]
            for await (id, fact) in group { found[id] = fact }
            return found
        }
        return await VolumeFacts(
            volume: volume, messages: messages, volumeType: volumeType, seesExtraSpecs: isAdmin, pools: pools,
            services: services, servers: servers, serversNotRead: attached.count - toRead.count)
    }

    /// The volume's messages, newest first; Cinder has them from microversion 3.3.
    static func readMessages(_ volumeID: String, cloud: OpenStackCloud) async throws -> [VolumeMessage] {
        if let version = try await cloud.endpoint(.blockStorage).microversion, version < Microversion(3, 3) {
            throw OpenStackError(
                kind: .http, service: "cinder", message: "this Cinder offers microversion \(version); user messages need 3.3")
        }
        let response = try await cloud.get(
            .blockStorage, path: "/messages",
            query: [URLQueryItem(name: "resource_uuid", value: volumeID), URLQueryItem(name: "sort", value: "created_at:desc")])
        let messages = (response.json["messages"]?.arrayValue ?? []).compactMap(VolumeMessage.init(json:))
        return Array(messages.sorted { ($0.createdAt ?? "") > ($1.createdAt ?? "") }.prefix(messageCap))
    }

    /// The volume's type by name or ID, from the type list (Cinder shows one type by ID only).
    static func readType(_ key: String?, cloud: OpenStackCloud) async throws -> VolumeType? {
        guard let key, !key.isEmpty else { return nil }
        let response = try await cloud.get(
            .blockStorage, path: "/types", query: [URLQueryItem(name: "is_public", value: "None"), URLQueryItem(name: "limit", value: "1000")])
        let types = try (response.json["volume_types"]?.arrayValue ?? []).map(VolumeType.init(json:))
        return types.first { $0.id == key } ?? types.first { $0.name == key }
    }

    /// One server, or nil when Nova has no server with that ID (a stale attachment).
    static func readServer(_ id: String, cloud: OpenStackCloud) async throws -> OpenStackKit.Server? {
        do {
            return try await cloud.show(OpenStackKit.Server.self, id: id)
        } catch let error as OpenStackError where error.status == 404 {
            return nil
        }
    }
}
